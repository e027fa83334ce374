// A ticket marks its machine down: the machine is "À l'arrêt depuis …" from that
// moment until the ticket is closed (completed or archived), deleted, or the mark
// is cleared (its column is in a closed stage: lib/tickets/columns.ts). Each stop is a machine_downtimes row (the exact history that
// lib/reliability/ reads), mirrored on machines.down_since / down_ticket_id so
// that every page reading machines shows it without a query more. The row, the
// mirror and the timeline event are written in one D1 batch, with the change that
// causes them when there is one (the report, the status move): all or nothing.
import { z } from "zod";
import { onlyIfChanged, writeBatch } from "../db/batch";
import { sql, sqlDate, sqlName, type Statement } from "../db/sql";
import { type Db } from "../db/client";
import { formatDateTime } from "../format";
import { format, type Locale, type Messages } from "../i18n";
import { defineOperation, refuse } from "../operation";
import { getSettings } from "../settings/settings";
import { movedInBatch, ticketEventsInsert } from "./events";
import { ticketsChanged } from "./live";
import { CLOSED_KEYS_SQL, isClosedStage, loadColumns, stageOf } from "./columns";

/** "À l'arrêt depuis …", on a card, a ticket and a machine: from the machine's down_since, in the factory's zone. */
export function downText(downSince: Date, locale: Locale, timeZone: string, t: Messages): string {
  return format(t.tickets.down.since, { since: formatDateTime(downSince, locale, timeZone) });
}

/**
 * Stops the machine for the ticket: the mirror first, only if the machine is not
 * already down (one stop at a time per machine, which the partial unique index
 * backs up), then the interval and the timeline event, each only if the statement
 * before it wrote. `ticket` is SQL when the ticket is inserted earlier in the batch.
 */
export function startDowntime(machineId: number, ticket: number | Statement, actorId: number, now: Date): Statement[] {
  const ticketSql = typeof ticket === "number" ? sql`${ticket}` : ticket;
  return [
    sql`UPDATE machines SET down_since = ${sqlDate(now)}, down_ticket_id = ${ticketSql}
        WHERE id = ${machineId} AND down_since IS NULL
          AND EXISTS (SELECT 1 FROM tickets WHERE id = ${ticketSql} AND deleted_at IS NULL AND status NOT IN ${sqlName(CLOSED_KEYS_SQL)})`,
    sql`INSERT INTO machine_downtimes (machine_id, ticket_id, started_at, started_by)
        SELECT ${machineId}, ${ticketSql}, ${sqlDate(now)}, ${actorId} WHERE ${onlyIfChanged}`,
    ticketEventsInsert([{ ticketId: typeof ticket === "number" ? ticket : 0, actorId, type: "machine_down" }], now, {
      ...(typeof ticket === "number" ? {} : { ticket }),
    })!,
  ];
}

/**
 * Ends the ticket's stop, if it has one, when `when` holds (SQL: the ticket's
 * closing or deletion written earlier in the same batch; `true` for a clear).
 * The first statement's row count says whether a stop ended.
 */
export function endDowntime(ticketId: number, actorId: number, now: Date, when: Statement = sql`1`): Statement[] {
  return [
    sql`UPDATE machine_downtimes SET ended_at = ${sqlDate(now)}, ended_by = ${actorId}
        WHERE ticket_id = ${ticketId} AND ended_at IS NULL AND (${when})`,
    sql`UPDATE machines SET down_since = NULL, down_ticket_id = NULL WHERE down_ticket_id = ${ticketId} AND ${onlyIfChanged}`,
    ticketEventsInsert([{ ticketId, actorId, type: "machine_up" }], now)!,
  ];
}

/** The stop ends with the ticket: when a move closes it (to a done or archived column; the move set status and updated_at in this batch). */
export function endDowntimeOnClose(ticketId: number, to: string, closes: boolean, actorId: number, now: Date): Statement[] {
  if (!closes) return [];
  return endDowntime(ticketId, actorId, now, movedInBatch(ticketId, to, now));
}

/** A deleted ticket no longer holds its machine down. */
export function endDowntimeOnDelete(ticketId: number, actorId: number, now: Date): Statement[] {
  return endDowntime(ticketId, actorId, now, sql`EXISTS (SELECT 1 FROM tickets WHERE id = ${ticketId} AND deleted_at = ${sqlDate(now)})`);
}

const id = z.coerce.number().int().positive();

async function ticketWithMachine(db: Db, ticketId: number) {
  const ticket = await db.ticket.findFirst({
    where: { id: ticketId, deletedAt: null },
    select: { id: true, status: true, machine: { select: { id: true, downSince: true, downTicketId: true } } },
  });
  return ticket ?? refuse("notFound");
}

/** From the ticket page: this ticket stopped its machine (technicians and leads). */
export const markMachineDown = defineOperation({ input: z.object({ id }), permission: "ticket.markDown" }, async (input, ctx) => {
  const { db, user, locale, now = new Date() } = ctx;
  const [ticket, columns] = await Promise.all([ticketWithMachine(db, input.id), loadColumns(db)]);
  if (isClosedStage(stageOf(columns, ticket.status))) refuse("downTicketClosed");
  const { machine } = ticket;
  if (machine.downSince) {
    if (machine.downTicketId === ticket.id) return { id: ticket.id };
    const [{ timeZone }, other] = await Promise.all([
      getSettings(db),
      db.ticket.findUnique({ where: { id: machine.downTicketId ?? 0 }, select: { ticketId: true } }),
    ]);
    refuse("machineAlreadyDown", { values: { since: formatDateTime(machine.downSince, locale, timeZone), ticket: other?.ticketId ?? "—" } });
  }
  const [stopped] = await writeBatch(db, startDowntime(machine.id, ticket.id, user.id, now));
  // Nothing written: the ticket was closed or deleted, or someone stopped the machine, meanwhile.
  if (!stopped!.changes) refuse("conflict");
  // The boards' cards and the shop's screens show the stop.
  ticketsChanged(ctx);
  return { id: ticket.id };
});

/** The mark was a mistake, or the machine runs again before the ticket is closed. */
export const clearMachineDown = defineOperation({ input: z.object({ id }), permission: "ticket.markDown" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const ticket = await ticketWithMachine(db, input.id);
  if (ticket.machine.downTicketId !== ticket.id) refuse("machineNotDown");
  const [ended] = await writeBatch(db, endDowntime(ticket.id, user.id, now));
  if (!ended!.changes) refuse("conflict");
  ticketsChanged(ctx);
  return { id: ticket.id };
});
