// Who may do what: the one place authorization is decided. Server actions and
// pages ask `can()`; the UI uses the same answers only to hide what the server
// would refuse anyway. Every cell of this table is covered by tests.
import type { Role } from "./roles";

const everyone: readonly Role[] = ["operator", "technician", "supervisor", "admin"];
const team: readonly Role[] = ["technician", "supervisor", "admin"];
const leads: readonly Role[] = ["supervisor", "admin"];
const admins: readonly Role[] = ["admin"];

export const permissions = {
  // Board, tickets, machines
  "ticket.view": everyone,
  "ticket.create": everyone,
  "ticket.comment": everyone,
  "ticket.addMedia": everyone,
  "ticket.move": team,
  "ticket.take": team,
  "ticket.assign": leads,
  "ticket.schedule": leads,
  "ticket.setPriority": leads,
  /** Edit title/description of any ticket; operators: see canEditTicketText. */
  "ticket.editAny": team,
  "ticket.delete": leads,
  "media.deleteOthers": leads,
  "comment.deleteOthers": leads,
  "machine.view": everyone,
  "machine.manage": admins,
  // Messages
  "message.send": everyone,
  // Administration
  "user.list": leads,
  "user.manage": admins,
  "settings.manage": admins,
  "audit.view": admins,
  "notifications.manage": admins,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export interface Actor {
  id: number;
  role: Role;
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && (permissions[permission] as readonly Role[]).includes(actor.role);
}

/** Operators may edit the text of their own tickets while nobody has started on them. */
export function canEditTicketText(actor: Actor, ticket: { reportedBy: number; status: string }): boolean {
  if (can(actor, "ticket.editAny")) return true;
  return actor.role === "operator" && ticket.reportedBy === actor.id && ticket.status === "received";
}

/** Authors manage their own comments and media; leads manage everyone's. */
export function canDeleteOwnedBy(actor: Actor, ownerId: number, kind: "comment" | "media"): boolean {
  return ownerId === actor.id || can(actor, kind === "comment" ? "comment.deleteOthers" : "media.deleteOthers");
}
