// French strings of the error and 404 pages. Their own file: the error boundary is a client
// component on every page, and importing the whole catalogue put every screen's words (both
// languages, 29 kB gzip) in each page's first-load JavaScript.
export const errorsFr = {
  notFoundTitle: "Page introuvable",
  notFoundBody: "La page demandée n’existe pas ou a été déplacée.",
  backHome: "Retour au tableau de bord",
  backToMessages: "Retour aux messages",
  errorTitle: "Une erreur est survenue",
  errorBody: "L’opération n’a pas pu être complétée. Réessayez ; si le problème persiste, prévenez un administrateur.",
  errorReference: "Référence : {digest}",
  retry: "Réessayer",
} as const;
