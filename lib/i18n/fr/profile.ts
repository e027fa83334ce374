// French strings for the profile screens (see index.ts for the conventions).
export const profileFr = {
  title: "Mon profil",
  menuLink: "Mon profil",
  details: {
    heading: "Renseignements",
    name: "Nom affiché",
    email: "Courriel",
    emailHint: "Seul un administrateur peut changer votre courriel.",
    language: "Langue préférée",
    languageDefault: "Langue de l’usine ({language})",
    save: "Enregistrer",
    saving: "Enregistrement…",
    saved: "Profil enregistré.",
  },
  languages: {
    fr: "Français",
    en: "English",
  },
  presence: {
    heading: "Présence",
    hide: "Masquer ma présence",
    hideHelp: "Vos collègues ne voient pas le point vert «\u00a0en ligne\u00a0» à côté de votre nom, et les écrans de l’atelier ne vous comptent pas parmi l’équipe en poste.",
    save: "Enregistrer",
    saving: "Enregistrement…",
    hiddenNow: "Votre présence est masquée.",
    shownNow: "Vos collègues voient quand vous êtes en ligne.",
  },
  password: {
    heading: "Mot de passe",
    current: "Mot de passe actuel",
    temporary: "Mot de passe temporaire",
    next: "Nouveau mot de passe",
    confirm: "Confirmer le nouveau mot de passe",
    hint: "Au moins 10 caractères. Une phrase de quelques mots est facile à retenir.",
    submit: "Changer le mot de passe",
    submitting: "Changement…",
    changed: "Mot de passe changé. Vos sessions ont pris fin : reconnectez-vous avec le nouveau mot de passe.",
  },
  sessions: {
    heading: "Appareils connectés",
    description:
      "Un téléphone perdu, un poste partagé resté ouvert : mettez fin à toutes vos sessions, y compris celle-ci. Il faudra vous reconnecter partout.",
    submit: "Se déconnecter de tous les appareils",
    submitting: "Déconnexion…",
    question: "Mettre fin à toutes vos sessions, sur tous les appareils ?",
    cancel: "Annuler",
  },
  forced: {
    title: "Choisissez votre mot de passe",
    subtitle:
      "Votre administrateur vous a donné un mot de passe temporaire. Choisissez-en un nouveau, connu de vous seul, pour continuer.",
    submit: "Enregistrer et continuer",
  },
} as const;
