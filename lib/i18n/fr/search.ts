// French strings for search everything and the machine labels (see index.ts for the conventions).
export const searchFr = {
  box: {
    label: "Rechercher",
    placeholder: "Rechercher…",
    shortcut: "Raccourci : /",
  },
  page: {
    title: "Recherche",
    titleFor: "Recherche : {query}",
    field: "Rechercher tickets, machines, personnes et messages",
    submit: "Rechercher",
    emptyTitle: "Que cherchez-vous ?",
    emptyBody:
      "Un mot suffit : un numéro de ticket, un mot du titre, de la description ou d’un commentaire, le nom ou le numéro de série d’une machine, son emplacement, le nom d’un superviseur, un mot d’un message. Les accents et les majuscules ne comptent pas. Touche / pour rechercher depuis n’importe quelle page.",
    noResults: "Aucun résultat pour « {query} ».",
    noResultsHelp: "Essayez un mot plus court (le début d’un mot suffit) ou un autre mot.",
    cut: "Recherche raccourcie aux {count} premiers caractères.",
    summary: "{count, plural, one {# résultat} other {# résultats}}",
    more: "D’autres résultats existent : précisez la recherche pour les voir.",
  },
  kinds: {
    tickets: "Tickets",
    machines: "Machines",
    people: "Personnes",
    messages: "Messages",
  },
  hit: {
    inDescription: "Description",
    inComments: "Commentaires",
    serial: "N° de série",
    location: "Emplacement",
    team: "Équipe",
    withPerson: "Avec {name}",
    write: "Écrire",
  },
} as const;

export const labelsFr = {
  title: "Étiquettes QR",
  intro: "Choisissez la disposition, puis imprimez. Chaque étiquette ouvre le signalement d’un problème sur sa machine.",
  layout: "Disposition",
  layouts: {
    "2x5": "2 × 5 (10 par feuille A4)",
    "3x8": "3 × 8 (24 par feuille A4)",
  },
  apply: "Appliquer",
  print: "Imprimer",
  count: "{count, plural, one {# étiquette} other {# étiquettes}} sur {sheets, plural, one {# feuille} other {# feuilles}}",
  noMachines: "Aucune machine choisie : cochez une ou plusieurs machines dans la liste, puis « Imprimer les étiquettes ».",
  backToList: "Retour aux machines",
  printSelection: "Imprimer les étiquettes",
  printOne: "Imprimer l’étiquette",
  select: "Choisir {machine}",
  selectAll: "Tout choisir",
  serial: "N° de série",
  location: "Emplacement",
  scan: "Scannez pour signaler un problème",
  qrAlt: "Code QR vers {url}",
  sheetLabel: "Feuille {number}",
  camera: "Prendre une photo du problème",
  printHelp: "Dans la boîte d’impression : format A4, échelle 100 %, marges « aucune ».",
} as const;
