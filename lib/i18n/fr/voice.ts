// French strings for voice notes' transcripts (lib/voice/; see index.ts for the conventions).
// None of them shows where the deployment has no Workers AI binding.
export const voiceFr = {
  /** Under a voice note's player, above its text. */
  automatic: "Transcription automatique",
  /** After "Transcription automatique", once its author corrected it. */
  edited: "modifiée",
  edit: "Modifier la transcription",
  editShort: "Modifier",
  editLabel: "Texte de votre note vocale",
  save: "Enregistrer",
  saving: "Enregistrement…",
  cancel: "Annuler",
  /** In search results: where the words were heard. */
  inVoiceNote: "Note vocale",
  settings: {
    heading: "Notes vocales",
    transcribe: "Transcrire les notes vocales",
    help: "Le texte de chaque nouvelle note vocale, dans les messages et sur les tickets, s’affiche sous son lecteur quelques secondes après l’envoi, et la recherche le trouve. Son auteur peut le corriger. Workers AI (Cloudflare) fait la transcription : au-delà de l’allocation gratuite quotidienne, chaque minute d’audio est facturée (voir le guide de déploiement).",
    save: "Enregistrer",
    saving: "Enregistrement…",
    on: "Les nouvelles notes vocales seront transcrites.",
    off: "Les notes vocales ne sont plus transcrites.",
  },
} as const;
