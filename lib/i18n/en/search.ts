import type { Messages } from "../index";

export const searchEn: Messages["search"] = {
  box: {
    label: "Search",
    placeholder: "Search…",
    shortcut: "Shortcut: /",
  },
  page: {
    title: "Search",
    titleFor: "Search: {query}",
    field: "Search tickets, machines, people and messages",
    submit: "Search",
    emptyTitle: "What are you looking for?",
    emptyBody:
      "One word is enough: a ticket number, a word from a title, a description or a comment, a machine's name or serial number, its location, a supervisor's name, a word from a message. Accents and capitals do not matter. Press / to search from any page.",
    noResults: "No results for “{query}”.",
    noResultsHelp: "Try a shorter word (the start of a word is enough) or another word.",
    cut: "Search cut to its first {count} characters.",
    summary: "{count, plural, one {# result} other {# results}}",
    more: "There are more results: narrow the search to see them.",
  },
  kinds: {
    tickets: "Tickets",
    machines: "Machines",
    people: "People",
    messages: "Messages",
  },
  hit: {
    /** Before the words found: where they were. */
    where: "{label}: ",
    inDescription: "Description",
    inComments: "Comments",
    serial: "Serial no.",
    location: "Location",
    team: "Team",
    withPerson: "With {name}",
    inGroup: "Group “{name}”",
    write: "Message",
  },
};

export const labelsEn: Messages["labels"] = {
  title: "QR labels",
  intro: "Choose the layout, then print. Each label opens a problem report on its machine.",
  layout: "Layout",
  layouts: {
    "2x5": "2 × 5 (10 per A4 sheet)",
    "3x8": "3 × 8 (24 per A4 sheet)",
  },
  apply: "Apply",
  print: "Print",
  downloadPdf: "Download PDF",
  preparingPdf: "Preparing the PDF…",
  pdfFailed: "The PDF could not be made. Try again, or print the labels with “Print”.",
  pdfFileName: "machine-labels-{layout}.pdf",
  count: "{count, plural, one {# label} other {# labels}} on {sheets, plural, one {# sheet} other {# sheets}}",
  noMachines: "No machine chosen: tick one or more machines in the list, then “Print labels”.",
  backToList: "Back to machines",
  printSelection: "Print labels",
  printOne: "Print label",
  select: "Choose {machine}",
  selectAll: "Choose all",
  serial: "Serial no.",
  location: "Location",
  scan: "Scan to report a problem",
  qrAlt: "QR code to {url}",
  sheetLabel: "Sheet {number}",
  preview: "Preview of the sheets to print",
  camera: "Take a photo of the problem",
  printHelp: "In the print dialog: A4 paper, scale 100%, margins “none”.",
};
