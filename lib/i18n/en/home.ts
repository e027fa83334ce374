import type { Messages } from "..";

// English strings for the home page, one per role (fr/home.ts is the reference).
export const homeEn: Messages["home"] = {
  title: {
    technician: "My work",
    operator: "My reports",
    supervisor: "To decide",
    admin: "Dashboard",
  },
  loading: "Loading…",
  seeBoard: "Open the board",
  moreOnBoard: "{count, plural, one {# more on the board} other {# more on the board}}",
  counts: {
    tickets: "{count, plural, one {# ticket} other {# tickets}}",
    machines: "{count, plural, one {# machine} other {# machines}}",
    plans: "{count, plural, one {# plan} other {# plans}}",
  },
  work: {
    intro: "Your tickets and the team’s, in the order to do them.",
    scopes: {
      label: "Show",
      all: "All",
      mine: "Mine",
      team: "Team",
    },
    groups: {
      overdue: "Overdue",
      critical: "Critical",
      today: "Today",
      rest: "Next",
    },
    empty: {
      all: "Nothing to do for now.",
      mine: "Nothing is assigned to you for now.",
      team: "Nothing is waiting for the team for now.",
    },
    /** The list in another order than the work's own (?sort=), for screen readers. */
    sortedBy: "Tickets sorted: {order}",
    toMe: "Me",
    steps: {
      take: "I’ll take it",
      start: "Start",
      resume: "Resume",
      finish: "Done",
    },
    stepFor: "{step}: {ticket}",
    working: "Sending…",
    done: {
      take: "{ticket} is yours.",
      start: "{ticket}: in progress.",
      resume: "{ticket}: in progress.",
      finish: "{ticket}: done.",
    },
    undone: "{ticket} back to “{status}”.",
    refused: "Nothing changed: {reason}",
    note: "Note or photo",
    comment: "Comment (optional)",
    addPhoto: "Add a photo",
  },
  reports: {
    intro: "The problems you reported and where each one stands.",
    report: "Report a problem",
    recent: "On a recent machine",
    reportOn: "Report a problem on {machine}",
    open: "Being handled",
    closed: "Done",
    empty: "You have not reported anything yet.",
    who: {
      nobody: "Not taken yet",
      team: "Given to the maintenance team",
      person: "Taken by {name}",
    },
    planned: "Planned for {date}",
    notPlanned: "Not planned yet",
    reportedOn: "Reported on {date}",
  },
  decisions: {
    intro: "What waits for a decision: tickets nobody has, overdue work, machines down and plans to review.",
    unassigned: {
      title: "Nobody assigned",
      empty: "Every open ticket has someone on it.",
    },
    overdue: {
      title: "Overdue",
      empty: "No overdue ticket.",
    },
    down: {
      title: "Machines down",
      empty: "No machine is down.",
      outOfService: "Out of service",
      ticket: "Ticket {ticket}",
    },
    plans: {
      title: "Plans to review",
      help: "Their last tickets were never started.",
      empty: "No plan to review.",
      missed: "{count, plural, one {# ticket in a row never started} other {# tickets in a row never started}}",
      seePlanning: "Open the planning",
    },
  },
};
