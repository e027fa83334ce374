import type { Db } from "../db";

// The timeline's vocabulary. from/to hold the raw values (a status, a user id,
// an ISO date, a file name); the ticket page words them in the reader's language.
export const ticketEventTypes = [
  "created",
  "status",
  "assigned",
  "scheduled",
  "priority",
  "edited",
  "comment",
  "comment_edited",
  "comment_deleted",
  "media_added",
  "media_removed",
  "deleted",
] as const;
export type TicketEventType = (typeof ticketEventTypes)[number];

export interface TicketEventInput {
  ticketId: number;
  actorId: number;
  type: TicketEventType;
  from?: string | number | null;
  to?: string | number | null;
}

const text = (value: string | number | null | undefined) => (value == null ? null : String(value));

/** Appends to the timeline; events are never updated or deleted. */
export async function recordTicketEvents(db: Db, events: TicketEventInput[], now = new Date()): Promise<void> {
  if (!events.length) return;
  await db.ticketEvent.createMany({
    data: events.map((e) => ({
      ticketId: e.ticketId,
      actorId: e.actorId,
      type: e.type,
      fromValue: text(e.from),
      toValue: text(e.to),
      createdAt: now,
    })),
  });
}

export function recordTicketEvent(db: Db, event: TicketEventInput, now = new Date()): Promise<void> {
  return recordTicketEvents(db, [event], now);
}
