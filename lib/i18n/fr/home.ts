// French strings for the home page, one per role (see index.ts for the conventions).
export const homeFr = {
  /** The page's title by role, also the desktop navigation's first link. */
  title: {
    technician: "Mon travail",
    operator: "Mes signalements",
    supervisor: "À décider",
    admin: "Tableau de bord",
  },
  loading: "Chargement…",
  seeBoard: "Voir le tableau",
  moreOnBoard: "{count, plural, one {# autre sur le tableau} other {# autres sur le tableau}}",
  counts: {
    tickets: "{count, plural, one {# ticket} other {# tickets}}",
    machines: "{count, plural, one {# machine} other {# machines}}",
    plans: "{count, plural, one {# plan} other {# plans}}",
  },
  work: {
    intro: "Vos tickets et ceux de l’équipe, dans l’ordre où les faire.",
    scopes: {
      label: "Afficher",
      all: "Tout",
      mine: "À moi",
      team: "Équipe",
    },
    groups: {
      overdue: "En retard",
      critical: "Critique",
      today: "Aujourd’hui",
      rest: "Ensuite",
    },
    empty: {
      all: "Rien à faire pour l’instant.",
      mine: "Rien ne vous est assigné pour l’instant.",
      team: "Rien n’attend l’équipe pour l’instant.",
    },
    /** The list in another order than the work's own (?sort=), for screen readers. */
    sortedBy: "Tickets triés : {order}",
    toMe: "À moi",
    steps: {
      take: "Je m’en occupe",
      start: "Commencer",
      resume: "Reprendre",
      finish: "Terminé",
    },
    /** The step's button with the ticket, for screen readers: "Commencer TKT-… : Fuite d’huile". */
    stepFor: "{step} : {ticket}",
    working: "Envoi…",
    done: {
      take: "{ticket} est à vous.",
      start: "{ticket} : en cours.",
      resume: "{ticket} : en cours.",
      finish: "{ticket} : terminé.",
    },
    undone: "{ticket} remis à «\u00a0{status}\u00a0».",
    refused: "Rien n’a changé : {reason}",
    note: "Note ou photo",
    comment: "Commentaire (facultatif)",
    addPhoto: "Ajouter une photo",
  },
  reports: {
    intro: "Les problèmes que vous avez signalés et où en est chacun.",
    report: "Signaler un problème",
    /** The machines the operator last reported on: one tap opens the form with the machine chosen. */
    recent: "Sur une machine récente",
    reportOn: "Signaler un problème sur {machine}",
    open: "En traitement",
    closed: "Terminés",
    empty: "Vous n’avez rien signalé pour l’instant.",
    who: {
      nobody: "Pas encore pris en charge",
      team: "Confié à l’équipe de maintenance",
      person: "Pris en charge par {name}",
    },
    planned: "Prévu le {date}",
    notPlanned: "Pas encore planifié",
    reportedOn: "Signalé le {date}",
  },
  decisions: {
    intro: "Ce qui attend une décision : tickets sans responsable, retards, machines à l’arrêt et plans à revoir.",
    unassigned: {
      title: "Sans responsable",
      empty: "Tous les tickets ouverts ont un responsable.",
    },
    overdue: {
      title: "En retard",
      empty: "Aucun ticket en retard.",
    },
    down: {
      title: "Machines à l’arrêt",
      empty: "Aucune machine à l’arrêt.",
      outOfService: "Hors service",
      ticket: "Ticket {ticket}",
    },
    plans: {
      title: "Plans à revoir",
      help: "Leurs derniers tickets n’ont jamais été commencés.",
      empty: "Aucun plan à revoir.",
      missed: "{count, plural, one {# ticket de suite jamais commencé} other {# tickets de suite jamais commencés}}",
      seePlanning: "Voir la planification",
    },
  },
} as const;
