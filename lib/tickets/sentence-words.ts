// The words a sentence about a broken machine is read with (lib/tickets/sentence.ts),
// as people on a Québec shop floor say them, in French and English, slang
// included. Written with their accents for the reader: the matcher folds them
// (no accents, lower case) before use, as it folds the sentence.

/**
 * Words that name the same kind of machine or the same place. Each group matches
 * the others, both ways: "the forklift" finds a machine typed "Chariot élévateur",
 * "le lift" too. A phrase matches before its single words ("presse plieuse" is a
 * press brake, not a press). `fr:` marks a word read so only in a French sentence:
 * an English speaker's "four" is a number and their "tour" is not a lathe. A
 * machine's own fields are read with every word, whatever the reader's language.
 */
export const machineWordGroups: readonly (readonly string[])[] = [
  // kinds of machine
  ["presse", "press"],
  ["hydraulique", "hydraulic"],
  ["injection", "injecteuse", "moulage", "molding", "moulding", "injection molding"],
  ["fr:tour", "lathe", "tournage"],
  ["cnc", "commande numérique"],
  ["centre d’usinage", "usinage", "machining center", "machining centre", "machining", "fraiseuse", "mill", "milling", "vmc"],
  ["robot", "robotique", "robotic"],
  ["soudure", "soudage", "soudeuse", "soudeur", "welding", "welder", "weld"],
  ["convoyeur", "convoyeuse", "conveyor", "conveyer", "tapis roulant", "tapis", "transporteur"],
  ["bande", "belt"],
  ["compresseur", "compressor", "compress"],
  ["plieuse", "presse plieuse", "press brake", "bender", "pliage", "bending"],
  ["laser"],
  ["découpe", "découpeuse", "cutter", "cutting"],
  ["chariot élévateur", "chariot", "élévateur", "chariot à fourches", "forklift", "fork lift", "lift truck", "lift", "towmotor", "fenwick"],
  ["fr:four", "oven", "furnace", "fournaise"],
  ["traitement thermique", "heat treatment", "heat treating", "heat treat", "trempe"],
  ["emballeuse", "emballage", "banderoleuse", "wrappeuse", "wrapper", "stretch wrapper", "wrapping machine", "packaging"],
  // places
  ["ligne", "line"],
  ["assemblage", "assembly"],
  ["poste", "station", "workstation"],
  ["cellule", "cell"],
  ["atelier", "shop", "workshop"],
  ["salle mécanique", "salle méca", "mechanical room", "mech room", "salle des machines"],
  ["entrepôt", "warehouse", "magasin"],
  ["expédition", "shipping", "quai", "dock"],
  ["plasturgie", "plastics"],
  ["tôlerie", "sheet metal"],
];

/** Words before a number that make it a machine's own number ("machine 7", "n° 7", "#7"). */
export const machineNumberWords = ["machine", "machines", "équipement", "equipment", "appareil", "unit", "unité"];

/** Words between a name and its number, skipped: "presse no 3", "line number 2". `#` and `n°` are read as "numéro". */
export const numberConnectors = ["no", "numéro", "num", "number", "nr"];

/** Spoken numbers, by language: dictation often writes them out. ("un" and "one" are left out: articles and pronouns.) */
export const numberWords = {
  fr: ["", "", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"],
  en: ["", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"],
} as const;

/** Words that never name a machine: articles, pronouns, small verbs, in both languages. */
export const stopWords = [
  // French
  "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "à", "au", "aux", "en", "et", "ou", "est", "c", "ce", "ça", "ca", "cet", "cette",
  "ces", "sur", "sous", "dans", "pour", "par", "avec", "sans", "qui", "que", "qu", "quoi", "y", "il", "elle", "ils", "nous", "vous", "je",
  "j", "me", "m", "se", "s", "ne", "n", "pas", "plus", "pu", "encore", "très", "trop", "tout", "toute", "tous", "mon", "ma", "mes", "ton", "son",
  "sa", "ses", "leur", "notre", "votre", "a", "ai", "as", "ont", "fait", "fais", "été", "être", "avoir", "chez", "côté", "près", "proche",
  "là", "ici", "bon", "ben", "euh", "allo", "salut", "bonjour", "svp", "merci", "t", "mais", "donc", "depuis", "ya", "va", "vient",
  // English
  "the", "an", "is", "are", "was", "were", "it", "its", "on", "in", "at", "of", "to", "for", "and", "or", "with", "from", "this", "that",
  "there", "again", "still", "my", "our", "your", "by", "near", "next", "has", "have", "had", "be", "been", "hi", "hello", "hey", "please",
  "thanks", "so", "um", "uh", "just", "now", "but", "since", "got", "get", "keeps",
];

/**
 * A report's priority, from its words: what endangers someone, a machine that has
 * stopped, a leak, a person who says it is urgent, or not. lib/tickets/sentence.ts
 * weighs them (priorityOf). Each entry is a word or a phrase.
 */
export const priorityWords = {
  /** A danger to people: critical whatever else is said. */
  safety: [
    "feu", "incendie", "flamme", "flammes", "fumée", "boucane", "sent le brûlé", "odeur de brûlé", "danger", "dangereux", "dangereuse",
    "blessé", "blessée", "blessure", "accident", "électrocution", "électrocuté", "choc électrique", "risque de chute", "étincelle", "étincelles", "explosion",
    "explosé", "arc électrique", "fuite de gaz", "odeur de gaz", "sent le gaz", "fuite de propane", "sent le propane", "sécurité", "arrêt d’urgence", "bouton d’urgence",
    "fire", "flame", "flames", "smoke", "smoking", "burning", "burning smell", "dangerous", "hazard", "unsafe", "injured", "injury", "hurt",
    "electric shock", "sparks", "sparking", "slippery", "slip hazard", "could slip", "trip hazard", "gas leak", "smell gas", "smells like gas", "propane leak", "safety", "e-stop", "estop", "emergency stop",
  ],
  /** The machine has stopped or is stuck. */
  stopped: [
    "arrêt", "arrêté", "arrêtée", "arrêtés", "arrêtées", "panne", "bloqué", "bloquée", "bloqués", "coincé", "coincée", "marche pas", "marche plus",
    "marche pu", "fonctionne pas", "fonctionne plus", "fonctionne pu", "démarre pas", "démarre plus", "démarre pu", "part pas", "part plus",
    "part pu", "mort", "morte", "hors service", "planté", "plantée", "tourne plus", "tourne pu", "stop", "stoppé", "stoppée", "pogné",
    "pognée", "pognés", "lâché", "lâchée", "débarqué", "débarquée", "bouge pas", "bouge plus", "bouge pu", "rien bouge", "en alarme", "alarme", "en défaut", "batterie à plat", "crash", "crashé", "crashée",
    "stopped", "stops", "is down", "s down", "went down", "are down", "broke down", "broken down", "not working", "doesn t work",
    "won t work", "won t start", "doesn t start", "won t run", "not running", "dead", "jammed", "jamming", "jams", "jam", "stuck", "blocked", "seized",
    "out of order", "out of service", "shut down", "shutdown", "tripped", "tripping", "trips", "alarm", "fault", "faulted", "faulting",
    "crashed",
  ],
  /** Something leaks. */
  leak: ["fuite", "fuites", "fuit", "fuient", "coule", "coulent", "pisse", "perd de l huile", "leak", "leaks", "leaking", "leaky", "drip", "drips", "dripping", "losing oil"],
  /** The person says it is urgent. */
  urgent: [
    "urgent", "urgente", "urgents", "urgence", "urgemment", "asap", "au plus vite", "au plus sacrant", "tout de suite",
    "immédiatement", "prioritaire", "critique", "pressant", "right away", "right now", "immediately", "emergency", "critical",
  ],
  /** The person says it can wait. */
  minor: [
    "pas urgent", "pas pressant", "pas pressé", "rien d urgent", "pas grave", "quand vous pourrez", "quand vous aurez le temps",
    "quand vous avez le temps", "quand t auras le temps", "petit détail", "cosmétique", "mineur", "basse priorité",
    "not urgent", "no rush", "no hurry", "when you can", "when you have time", "when you get a chance", "low priority", "minor", "cosmetic",
    "not a big deal", "nothing urgent",
  ],
};

/** Words just before another that turn it around: "pas urgent", "no leak", "not stuck" (and "isn't", read apart: "isn t"). */
export const negations = ["pas", "aucun", "aucune", "sans", "jamais", "not", "no", "never"];
/** Small words a negation may come before: "pas de fuite", "no sign of smoke"… */
export const negatedThrough = ["de", "d", "du", "des", "la", "le", "l", "un", "une", "a", "an", "any", "of"];

/** Words that open a clause a title does without ("Bon, ben…", "Allo,"), and that end one ("…, c’est urgent svp"). */
export const titleFillers = ["bon", "ben", "euh", "allo", "allô", "salut", "bonjour", "alors", "ok", "okay", "hey", "hi", "hello", "so", "um", "uh", "well", "yo"];
export const titleTails = ["urgent", "urgente", "urgence", "asap", "svp", "stp", "please", "merci", "thanks", "vite", "c", "est", "it", "s", "is", "très", "vraiment", "really", "very"];
