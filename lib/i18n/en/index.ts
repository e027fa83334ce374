import type { Messages } from "../index";
import { adminEn } from "./admin";
import { machinesEn } from "./machines";
import { messagesEn } from "./messages";
import { inboxEn } from "./inbox";
import { notificationsEn } from "./notifications";
import { profileEn } from "./profile";
import { rulesEn } from "./rules";
import { ticketsEn } from "./tickets";
import { validationEn } from "./validation";
import { labelsEn, searchEn } from "./search";
import { statsEn } from "./stats";
import { plansEn } from "./plans";
import { errorsEn } from "./errors";
import { homeEn } from "./home";
import { offlineEn } from "./offline";
import { tvEn } from "./tv";
import { voiceEn } from "./voice";
import { columnsEn } from "./columns";

export const en: Messages = {
  rules: rulesEn,
  validation: validationEn,
  tickets: ticketsEn,
  machines: machinesEn,
  messages: messagesEn,
  admin: adminEn,
  notifications: notificationsEn,
  inbox: inboxEn,
  profile: profileEn,
  search: searchEn,
  labels: labelsEn,
  stats: statsEn,
  plans: plansEn,
  home: homeEn,
  offline: offlineEn,
  tv: tvEn,
  voice: voiceEn,
  columns: columnsEn,
  meta: {
    title: "Atelier",
    description: "Maintenance requests for the factory",
  },
  common: {
    counter: "{count} / {max} characters",
    overLimit: "{max} characters at most: shorten the text.",
    confirm: "Confirm",
    cancel: "Cancel",
    close: "Close",
    /** A chosen file taken out before sending. */
    removeFile: "Remove {name}",
    yes: "Yes",
    no: "No",
    none: "—",
    /** A value after its label, with the colon each language puts there. */
    labelled: "{label}: {value}",
  },
  nav: {
    main: "Main navigation",
    dashboard: "Dashboard",
    home: "Home",
    report: "Report",
    more: "More",
    admin: "Administration",
    skipToContent: "Skip to content",
    stats: "Reliability",
  },
  roles: {
    admin: "Administrator",
    supervisor: "Supervisor",
    technician: "Technician",
    operator: "Operator",
    guest: "Guest",
  },
  status: {
    received: "Received",
    diagnostic: "Diagnostic",
    in_progress: "In progress",
    waiting_parts: "Waiting for parts",
    completed: "Completed",
    archived: "Archived",
  },
  priority: {
    low: "Low",
    medium: "Medium",
    high: "High",
    critical: "Critical",
  },
  language: {
    label: "Language",
    switchTo: "Français",
    switchToLabel: "Passer en français",
  },
  userMenu: {
    label: "Account menu",
    signedInAs: "Signed in as",
    signOut: "Sign out",
  },
  signIn: {
    title: "Sign in",
    subtitle: "Sign in with the account your administrator gave you.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    noSignUp: "No account? Ask an administrator to create one for you.",
    errors: {
      invalid: "Incorrect email or password.",
      throttled: "Too many failed attempts. Try again in {minutes} min.",
      inactive: "This account is deactivated. Contact an administrator.",
      expired: "Your guest access ended on {day}. To extend it, contact the person you work with at the plant.",
      missing: "Enter your email and password.",
      unknown: "Sign-in failed. Please try again.",
    },
    signedOut: "You are signed out.",
  },
  signOut: {
    title: "Sign out",
    confirm: "Do you want to sign out of Atelier on this device?",
    submit: "Sign out",
    cancel: "Cancel",
  },
  dashboard: {
    title: "Dashboard",
    greeting: "Hello, {name}",
    byStatus: "Tickets by status",
    overdueTitle: "Overdue scheduled work",
    overdueHelp: "Assigned tickets whose scheduled date has passed that nobody has started yet (received, in diagnostic, or in another “Not started” column).",
    overdueEmpty: "No overdue work. Well done!",
    upcomingTitle: "Upcoming scheduled work",
    upcomingEmpty: "No upcoming scheduled work.",
    columns: {
      ticket: "Ticket",
      title: "Title",
      machine: "Machine",
      assignee: "Assigned to",
      scheduled: "Scheduled",
      priority: "Priority",
      status: "Status",
    },
    lateBy: "Late by {duration}",
    dueIn: "In {duration}",
    total: "{count, plural, one {# ticket in total} other {# tickets in total}}",
  },
  duration: {
    days: "{n} d",
    hours: "{n} h",
    minutes: "{n} min",
  },
  errors: errorsEn,
};
