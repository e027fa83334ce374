// What a person reads when a field's value is refused before any rule runs
// (lib/validation.ts turns each zod issue into one of these). Never the
// validator's words: a field is named as its form labels it, with its article.
export const validationFr = {
  required: "{field} est obligatoire.",
  tooShort: "{field} doit contenir au moins {min, plural, one {# caractère} other {# caractères}}.",
  tooLong: "{field} doit contenir au plus {max, plural, one {# caractère} other {# caractères}} (il y en a {length}).",
  tooSmall: "{field} doit valoir au moins {min}.",
  tooBig: "{field} doit valoir au plus {max}.",
  notWhole: "{field} doit être un nombre entier.",
  invalid: "{field} n’est pas valide.",
  notInList: "{field} : choisissez une valeur de la liste.",
  /** A field the person does not type (a hidden id, a version): the page is out of date. */
  stale: "La page n’est plus à jour. Rechargez-la et réessayez.",
  /** Fields chosen rather than typed: one sentence whatever was wrong. */
  choose: {
    machineId: "Choisissez une machine.",
    priority: "Choisissez une priorité.",
    status: "Choisissez un statut.",
    to: "Choisissez un statut.",
    assignee: "Choisissez une personne, toute l’équipe ou personne.",
    role: "Choisissez un rôle.",
    locale: "Choisissez une langue.",
    files: "Choisissez au moins une photo ou une vidéo.",
    file: "Choisissez un fichier CSV.",
    logo: "Choisissez une image PNG, JPEG ou WebP.",
  },
  /** Fields typed by people, as their forms label them, article included. */
  fields: {
    title: "Le titre",
    description: "La description",
    content: "Le commentaire",
    date: "La date",
    time: "L’heure",
    machineType: "Le type de machine",
    model: "Le modèle",
    serialNumber: "Le numéro de série",
    location: "L’emplacement",
    name: "Le nom",
    email: "Le courriel",
    password: "Le mot de passe",
    current: "Le mot de passe actuel",
    next: "Le nouveau mot de passe",
    confirm: "La confirmation du mot de passe",
    url: "L’URL du webhook",
    appUrl: "L’adresse publique",
    windowHours: "La fenêtre entre deux alertes",
    maxPerRun: "Le nombre d’envois par vérification",
    pauseMs: "La pause entre deux envois",
    audioDuration: "La durée de la note vocale",
    photos: "Les photos",
    audio: "La note vocale",
  },
} as const;
