// Who may do what: the one place authorization is decided. Server actions and
// pages ask `can()`; the UI uses the same answers only to hide what the server
// would refuse anyway. Every cell of this table is covered by tests.
import type { Prisma } from "./generated/prisma/client";
import { TEAM, type Conversation } from "./messages/model";
import type { Actor } from "./operation";

/** Who is asking: only their id and role decide. */
export type Who = Pick<Actor, "id" | "role">;

/** The plant's own roles: the people who work there, the team channel's members. */
export const roles = ["admin", "supervisor", "technician", "operator"] as const;
/**
 * A guest: a contractor's or a supplier's account, invited by an admin until a
 * date (lib/accounts/guests.ts). It talks in the groups it is added to and sees
 * nothing else: no ticket, machine, person, search, team channel or plant event.
 */
export const GUEST = "guest";
/** Every role an account may have: the plant's, then the guest's. */
export const allRoles = [...roles, GUEST] as const;
export type Role = (typeof allRoles)[number];
export type StaffRole = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (allRoles as readonly string[]).includes(value);
}

/** A guest's account: every page but its groups' is a 404 to it (lib/request.ts). */
export function isGuest(who: { role: string } | null | undefined): boolean {
  return who?.role === GUEST;
}

/** The plant's people: every role but guests. */
const everyone: readonly Role[] = ["operator", "technician", "supervisor", "admin"];
/** Who talks in conversations: the plant's people, and guests in their groups. */
const talkers: readonly Role[] = [...everyone, GUEST];
/** Who works on tickets (moves, takes, edits them, ticks checklists): everyone but operators. */
const ticketWorkers: readonly Role[] = ["technician", "supervisor", "admin"];
/** Who leads the team: supervisors and admins (they assign, schedule, hear of every overdue ticket and machine down, and are the people search finds). */
export const leads: readonly Role[] = ["supervisor", "admin"];
const admins: readonly Role[] = ["admin"];
/**
 * "Toute l'équipe", the whole-team assignee (TEAM_ASSIGNEE): the people who take
 * floor work, technicians and supervisors. A ticket or plan assigned to the team
 * notifies them, and a team ticket overdue is theirs. Admins administer: they may
 * work a ticket (ticketWorkers) and hear of overdue ones as leads, but are not
 * told "the team has a ticket". Deliberately a different set from ticketWorkers.
 */
export const wholeTeam: readonly Role[] = ["technician", "supervisor"];

export const permissions = {
  // Board, tickets, machines
  "ticket.view": everyone,
  "ticket.create": everyone,
  "ticket.comment": everyone,
  "ticket.addMedia": everyone,
  "ticket.move": ticketWorkers,
  "ticket.take": ticketWorkers,
  "ticket.assign": leads,
  "ticket.schedule": leads,
  "ticket.setPriority": leads,
  /** Edit title/description of any ticket; operators: see canEditTicketText. */
  "ticket.editAny": ticketWorkers,
  "ticket.delete": leads,
  /** Mark a ticket's machine down, or clear the mark, from the ticket page (anyone may at report time). */
  "ticket.markDown": ticketWorkers,
  "media.deleteOthers": leads,
  "comment.deleteOthers": leads,
  "machine.view": everyone,
  "machine.manage": admins,
  // Preventive maintenance: whoever works on tickets sees the plans and the planning
  // and ticks checklist steps; leads manage the plans.
  "plan.view": ticketWorkers,
  "plan.manage": leads,
  "ticket.checklist": ticketWorkers,
  // Messages: the team channel, each user's own private conversations, and the
  // groups they are in (a guest: those groups alone, canReadConversation)
  "message.read": talkers,
  "message.send": talkers,
  /** Delete anyone's message in the team channel; private and group messages only by their sender. */
  "message.deleteTeam": leads,
  /** Create a named group, rename it, add and remove its members (lib/messages/groups.ts); any member may leave. */
  "group.manage": leads,
  /** The reliability figures (/stats): MTTR, MTBF, downtime, per technician. */
  "stats.view": leads,
  // The shop's screens (lib/tv/): leads write what they broadcast; admins hand out and revoke their links.
  "broadcast.manage": leads,
  "screen.manage": admins,
  /** The board's columns (lib/tickets/column-admin.ts): add, rename, recolour, reorder, delete. */
  "column.manage": admins,
  // Administration
  "user.list": leads,
  "user.manage": admins,
  "settings.manage": admins,
  "audit.view": admins,
  "notifications.manage": admins,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(actor: Who | null | undefined, permission: Permission): boolean {
  return !!actor && (permissions[permission] as readonly Role[]).includes(actor.role);
}

/** Operators may edit the text of their own tickets while nobody has started on them. */
export function canEditTicketText(actor: Who, ticket: { reportedBy: number; status: string }): boolean {
  if (can(actor, "ticket.editAny")) return true;
  return actor.role === "operator" && ticket.reportedBy === actor.id && ticket.status === "received";
}

// ---------------------------------------------------------------- who is who, as queries need it

/**
 * A role set as SQL over `users AS u`. The roles are the code's own words, written
 * in rather than bound: bound, they would take D1 parameters from the query.
 */
function rolesSql(set: readonly Role[]): string {
  return `u.role IN (${set.map((role) => `'${role}'`).join(", ")})`;
}

/** Who can be assigned a ticket or a plan: an active person who works on tickets (not an operator). */
export function isAssignable(user: { role: string; active: boolean }): boolean {
  return user.active && (ticketWorkers as readonly string[]).includes(user.role);
}

/** isAssignable as a Prisma filter over users. tests/integration/role-sets.test.ts proves the forms of each set equal. */
export const assignableWhere = { active: true, role: { in: [...ticketWorkers] } } satisfies Prisma.UserWhereInput;

/** wholeTeam as SQL over `users AS u`: who a ticket assigned to the team concerns. */
export const WHOLE_TEAM_SQL = rolesSql(wholeTeam);

/** leads as SQL over `users AS u`. */
export const LEADS_SQL = rolesSql(leads);

/** The plant's people (every role but guests) as SQL over `users AS u`: the team channel's members. */
export const STAFF_SQL = rolesSql(everyone);

// ---------------------------------------------------------------- who sees which ticket

/** What the plant lets operators see (setting operatorTicketVisibility): every ticket, or only their own reports. */
export const ticketVisibilities = ["all", "own"] as const;
export type TicketVisibility = (typeof ticketVisibilities)[number];

/** Who reads tickets: the person, and what the plant's setting lets operators see. */
export interface TicketReader extends Who {
  visibility: TicketVisibility;
}

/**
 * The visibility rule: ticket workers see every ticket; operators see every ticket or,
 * when the plant says so, only the ones they reported. Pages and lists use its
 * Prisma form (visibleTicketsWhere in lib/tickets/model.ts), which
 * tests/integration/ticket-visibility.test.ts proves equal to this one.
 */
export function seesOnlyOwnReports(reader: TicketReader): boolean {
  return reader.role === "operator" && reader.visibility === "own";
}

export function canSeeTicket(reader: TicketReader, ticket: { reportedBy: number }): boolean {
  return !seesOnlyOwnReports(reader) || ticket.reportedBy === reader.id;
}

/** Authors manage their own comments and media; leads manage everyone's. */
export function canDeleteOwnedBy(actor: Who, ownerId: number, kind: "comment" | "media"): boolean {
  return ownerId === actor.id || can(actor, kind === "comment" ? "comment.deleteOthers" : "media.deleteOthers");
}

/**
 * Who reads a conversation, its members as lib/messages/members.ts reads them
 * (`conversationMembers`, the one question every reader asks): the team channel,
 * every role but guests; a private conversation, its two people, never a guest
 * (guests talk in groups only); a group, its current members, whatever their role.
 */
export function canReadConversation(actor: Who, conversation: Conversation): boolean {
  if (!can(actor, "message.read")) return false;
  if (conversation.kind === "team") return !isGuest(actor);
  if (conversation.kind === "private") return !isGuest(actor) && conversation.members.includes(actor.id);
  return conversation.members?.includes(actor.id) ?? false;
}

/**
 * For a reader of the message's conversation: senders delete their own messages;
 * leads also delete anyone's in the team channel. A group's changes told in it
 * (an event) are nobody's to delete.
 */
export function canDeleteMessage(actor: Who, message: { senderId: number; conversationKey: string; event?: unknown }): boolean {
  if (message.event) return false;
  return message.senderId === actor.id || (message.conversationKey === TEAM && can(actor, "message.deleteTeam"));
}
