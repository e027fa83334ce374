import { changeWithRecord, onlyIfChanged, sql, sqlDate, type Db, type Statement } from "../db";

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
  /** The ticket stopped its machine (lib/tickets/downtime.ts), and the stop ended. */
  "machine_down",
  "machine_up",
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

export interface EventsInsertOptions {
  /** The ticket as SQL when its id is not known yet (a ticket inserted earlier in the same batch). */
  ticket?: Statement;
  /** The events' to_value as SQL when it is only known then (a comment inserted earlier in the batch). */
  to?: Statement;
  /** Insert only if the statement before it in the batch changed a row (default), or always. */
  guard?: boolean;
}

/**
 * Appends to the timeline (events are never updated or deleted): an INSERT to
 * send in the same batch as the change it records (changeWithRecord, lib/db.ts),
 * never on its own after it.
 */
export function ticketEventsInsert(events: TicketEventInput[], now: Date, options: EventsInsertOptions = {}): Statement | null {
  if (!events.length) return null;
  const rows = events.map((e) => ({ ticketId: e.ticketId, actorId: e.actorId, type: e.type, from: text(e.from), to: text(e.to) }));
  const ticket = options.ticket ?? sql`json_extract(e.value, '$.ticketId')`;
  const to = options.to ?? sql`json_extract(e.value, '$.to')`;
  return sql`
    INSERT INTO ticket_events (ticket_id, actor_id, type, from_value, to_value, created_at)
    SELECT ${ticket}, json_extract(e.value, '$.actorId'), json_extract(e.value, '$.type'),
           json_extract(e.value, '$.from'), ${to}, ${sqlDate(now)}
    FROM json_each(${JSON.stringify(rows)}) AS e
    WHERE ${options.guard === false ? sql`true` : onlyIfChanged}`;
}

/** A ticket change and its timeline event, all or nothing; returns the rows the change touched. */
export async function changeTicket(db: Db, change: Statement, event: TicketEventInput | null, now: Date): Promise<number> {
  const result = await changeWithRecord(db, change, event && ticketEventsInsert([event], now));
  return result.changes;
}
