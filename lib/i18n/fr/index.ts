import { adminFr } from "./admin";
import { machinesFr } from "./machines";
import { messagesFr } from "./messages";
import { inboxFr } from "./inbox";
import { notificationsFr } from "./notifications";
import { profileFr } from "./profile";
import { rulesFr } from "./rules";
import { ticketsFr } from "./tickets";
import { validationFr } from "./validation";
import { labelsFr, searchFr } from "./search";
import { statsFr } from "./stats";
import { plansFr } from "./plans";
import { errorsFr } from "./errors";
import { homeFr } from "./home";
import { offlineFr } from "./offline";
import { tvFr } from "./tv";
import { voiceFr } from "./voice";
import { columnsFr } from "./columns";

// French (Québec) is the reference catalogue: en/ must provide the same keys
// (lib/i18n/i18n.test.ts checks). Each screen family has its own pair of files
// (fr/tickets.ts / en/tickets.ts ...); this one holds the shell and shared words.
// Counts are real plurals, never "ticket(s)": {count, plural, one {# ticket} other
// {# tickets}} (see format.ts; French treats 0 as singular, English does not). Each
// French file is `as const` so that such templates keep a type format() can see.
export const fr = {
  rules: rulesFr,
  validation: validationFr,
  tickets: ticketsFr,
  machines: machinesFr,
  messages: messagesFr,
  admin: adminFr,
  notifications: notificationsFr,
  inbox: inboxFr,
  profile: profileFr,
  search: searchFr,
  labels: labelsFr,
  stats: statsFr,
  plans: plansFr,
  home: homeFr,
  offline: offlineFr,
  tv: tvFr,
  voice: voiceFr,
  columns: columnsFr,
  meta: {
    title: "Atelier",
    description: "Gestion des demandes de maintenance de l’usine",
  },
  common: {
    counter: "{count} / {max} caractères",
    overLimit: "{max} caractères au plus : raccourcissez le texte.",
    confirm: "Confirmer",
    cancel: "Annuler",
    close: "Fermer",
    /** A chosen file taken out before sending. */
    removeFile: "Retirer {name}",
    yes: "Oui",
    no: "Non",
    none: "—",
    /** A value after its label, with the colon each language puts there. */
    labelled: "{label}\u00a0: {value}",
  },
  nav: {
    main: "Navigation principale",
    dashboard: "Tableau de bord",
    home: "Accueil",
    report: "Signaler",
    more: "Plus",
    admin: "Administration",
    skipToContent: "Aller au contenu",
    stats: "Fiabilité",
  },
  roles: {
    admin: "Administrateur",
    supervisor: "Superviseur",
    technician: "Technicien",
    operator: "Opérateur",
    guest: "Invité",
  },
  status: {
    received: "Requête reçue",
    diagnostic: "Diagnostic",
    in_progress: "En cours",
    waiting_parts: "En attente de pièces",
    completed: "Terminé",
    archived: "Archivé",
  },
  priority: {
    low: "Basse",
    medium: "Moyenne",
    high: "Haute",
    critical: "Critique",
  },
  language: {
    label: "Langue",
    switchTo: "English",
    switchToLabel: "Switch to English",
  },
  userMenu: {
    label: "Menu du compte",
    signedInAs: "Connecté en tant que",
    signOut: "Se déconnecter",
  },
  signIn: {
    title: "Connexion",
    subtitle: "Connectez-vous avec le compte fourni par votre administrateur.",
    email: "Courriel",
    password: "Mot de passe",
    submit: "Se connecter",
    submitting: "Connexion…",
    noSignUp: "Pas de compte ? Demandez à un administrateur de vous en créer un.",
    errors: {
      invalid: "Courriel ou mot de passe incorrect.",
      throttled: "Trop de tentatives échouées. Réessayez dans {minutes} min.",
      inactive: "Ce compte est désactivé. Communiquez avec un administrateur.",
      expired: "Votre accès invité a pris fin le {day}. Pour le prolonger, communiquez avec votre contact à l’usine.",
      missing: "Entrez votre courriel et votre mot de passe.",
      unknown: "La connexion a échoué. Réessayez.",
    },
    signedOut: "Vous êtes déconnecté.",
  },
  signOut: {
    title: "Déconnexion",
    confirm: "Voulez-vous vous déconnecter d’Atelier sur cet appareil ?",
    submit: "Se déconnecter",
    cancel: "Annuler",
  },
  dashboard: {
    title: "Tableau de bord",
    greeting: "Bonjour, {name}",
    byStatus: "Tickets par statut",
    overdueTitle: "Interventions planifiées en retard",
    overdueHelp: "Tickets assignés dont la date planifiée est passée et que personne n’a encore commencés (reçus, en diagnostic ou dans une autre colonne «\u00a0Pas commencé\u00a0»).",
    overdueEmpty: "Aucune intervention en retard. Beau travail !",
    upcomingTitle: "Prochaines interventions planifiées",
    upcomingEmpty: "Aucune intervention planifiée à venir.",
    columns: {
      ticket: "Ticket",
      title: "Titre",
      machine: "Machine",
      assignee: "Assigné à",
      scheduled: "Planifié",
      priority: "Priorité",
      status: "Statut",
    },
    lateBy: "En retard de {duration}",
    dueIn: "Dans {duration}",
    total: "{count, plural, one {# ticket au total} other {# tickets au total}}",
  },
  duration: {
    days: "{n} j",
    hours: "{n} h",
    minutes: "{n} min",
  },
  errors: errorsFr,
} as const;
