// French strings for working without a network: the outbox, kept pages, drafts (see index.ts for the conventions).
export const offlineFr = {
  /** The banner of a page kept on the device, opened without a network (the time on the factory's clock). */
  copy: "Hors ligne — à jour à {time}",
  copyOn: "Hors ligne — à jour le {when}",
  offline: "Hors ligne : ce que vous faites reste sur l’appareil et partira au retour du réseau.",
  /** Said by a form whose action was kept on the device. */
  queued: "Pas de réseau : c’est gardé sur l’appareil et ce sera envoyé dès le retour du réseau.",
  queuedMove: "{ticket} : déplacement gardé sur l’appareil, envoyé au retour du réseau.",
  failed: "L’envoi a échoué. Ce que vous avez écrit reste sur l’appareil : réessayez.",
  waiting: "En attente d’envoi",
  refused: "Non envoyé",
  signInToSend: "Reconnectez-vous pour l’envoyer.",
  kinds: {
    report: "Signalement",
    comment: "Commentaire",
    move: "Changement de statut",
    finish: "Ticket terminé",
    message: "Message",
    media: "Photos du ticket",
    voice: "Note vocale du ticket",
  },
  moveTo: "vers «\u00a0{status}\u00a0»",
  photos: "{count, plural, one {# photo} other {# photos}}",
  voiceNote: "note vocale",
  madeAt: "fait à {time}",
  retry: "Réessayer",
  keep: "Garder",
  discard: "Abandonner",
  discardConfirm: "Abandonner ce qui n’a pas été envoyé ? Ce sera perdu.",
  open: "Ouvrir le ticket",
  sent: "Signalement envoyé : {ticket}",
  /** The header's indicator and its list. */
  indicator: "{count, plural, one {# envoi en attente} other {# envois en attente}}",
  listTitle: "En attente d’envoi",
  listHelp: "Envoyé automatiquement dès que le réseau revient.",
  sendNow: "Envoyer maintenant",
} as const;
