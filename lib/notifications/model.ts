// What a notification is, as rules: its kinds, who may receive each kind, the
// channels a person chooses between, and each role's default. The SQL that writes
// notifications (events.ts) takes the defaults from here (channelSql there), so
// the profile's form and the inserts cannot disagree.
import type { Role } from "../permissions";
import { TEAM_ASSIGNEE } from "../tickets/model";

export const notificationKinds = [
  "assigned",
  "overdue",
  "overdue_all",
  "report_status",
  "report_comment",
  "message",
  "mention",
  "machine_down",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationChannels = ["push", "app", "off"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** Notifications per page of /notifications. */
export const NOTIFICATION_PAGE_SIZE = 30;

/**
 * Each role's default per kind it can receive; a kind missing from a role is one
 * that never reaches it (an operator is never assigned a ticket), and the profile
 * does not offer it. Leads hear of every overdue ticket and machine down; the
 * reporter of a ticket hears of its progress by push when they are an operator
 * (their only way to know), in the app otherwise.
 */
export const defaultChannels: Record<Role, Partial<Record<NotificationKind, NotificationChannel>>> = {
  operator: { report_status: "push", report_comment: "push", message: "push", mention: "push" },
  technician: { assigned: "push", overdue: "push", report_status: "app", report_comment: "app", message: "push", mention: "push" },
  supervisor: {
    assigned: "push",
    overdue: "push",
    overdue_all: "push",
    report_status: "app",
    report_comment: "app",
    message: "push",
    mention: "push",
    machine_down: "push",
  },
  admin: {
    assigned: "push",
    overdue: "push",
    overdue_all: "app",
    report_status: "app",
    report_comment: "app",
    message: "push",
    mention: "push",
    machine_down: "push",
  },
  // A guest hears only of their groups' messages: never of a ticket, a machine or a mention in the team channel.
  guest: { message: "push" },
};

/** The kinds a role can receive, in the profile's order. */
export function kindsFor(role: Role): NotificationKind[] {
  return notificationKinds.filter((kind) => defaultChannels[role][kind] !== undefined);
}

/** A person's channel for a kind: their choice, else their role's default, else off. */
export function channelFor(role: Role, kind: NotificationKind, chosen: NotificationChannel | undefined): NotificationChannel {
  if (!defaultChannels[role][kind]) return "off";
  return chosen ?? defaultChannels[role][kind];
}

/** Where a notification opens: its ticket, its conversation, its machine. */
export function notificationHref(n: {
  kind: string;
  ticketCode: string | null;
  conversationKey: string | null;
  machineId: number | null;
}): string {
  if (n.ticketCode) return `/tickets/${encodeURIComponent(n.ticketCode)}`;
  if (n.conversationKey) return `/messages/${encodeURIComponent(n.conversationKey)}`;
  if (n.machineId) return `/machines/${n.machineId}`;
  return "/notifications";
}

/**
 * Whether the notification list offers "J'y vais" (goOnAssignment: take the ticket
 * and start it): on an assignment whose ticket is still open and still the
 * person's or the team's, and not already under way with them. The push offers
 * it on every assignment, since it cannot know what became of the ticket.
 */
export function offersGo(
  n: { kind: string; ticketOpen: boolean; ticketStage: string | null; ticketAssignedTo: number | null },
  userId: number,
): boolean {
  if (n.kind !== "assigned" || !n.ticketOpen) return false;
  if (n.ticketAssignedTo === TEAM_ASSIGNEE) return true;
  return n.ticketAssignedTo === userId && n.ticketStage !== "in_work";
}

/**
 * The first names a text mentions ("@Sophie", "@élise"), as name keys' first words
 * (lib/accounts/names.ts): without case or accents, each once.
 */
export function mentionedFirstNames(text: string, key: (name: string) => string): string[] {
  const names = [...text.matchAll(/(?:^|[^\p{L}\p{N}_@])@([\p{L}][\p{L}\p{M}'’-]*)/gu)].map((m) => key(m[1]!));
  return [...new Set(names.filter(Boolean))];
}

/** What a notification line says, by kind; an assignment says also who it went to and whether a person made it; a message, whether in a group. */
export type NotificationTemplate = NotificationKind | "assignedTeam" | "assignedByPlan" | "assignedTeamByPlan" | "groupMessage";

/**
 * The template of a notification: an assignment to the whole team says so, and
 * one nobody made (the cron, for a preventive maintenance plan's ticket) says
 * it is planned work rather than "Quelqu'un vous a assigné".
 */
export function notificationTemplate(kind: NotificationKind, facts: { toTeam: boolean; byPerson: boolean; inGroup?: boolean }): NotificationTemplate {
  if (kind === "message" && facts.inGroup) return "groupMessage";
  if (kind !== "assigned") return kind;
  if (facts.byPerson) return facts.toTeam ? "assignedTeam" : "assigned";
  return facts.toTeam ? "assignedTeamByPlan" : "assignedByPlan";
}
