// Actions a device may send more than once: a report, a comment or a status change
// made where the plant's network drops is kept on the device and sent again until an
// answer arrives (components/offline/, public/sw.js), and an answer can be lost after
// the write. Each such action carries an id the device made for it (a UUID), and the
// timeline event that records it carries that id: ticket_events.client_id is unique,
// so a second copy fails inside its own D1 batch and writes nothing, however close
// together the two arrive. The operation then answers with what the first one did.
import { z } from "zod";
import { type Db } from "../db/client";
import { formatDateTime, formatTime } from "../format";
import { refuse, type ActionContext, type Actor } from "../operation";
import { getSettings } from "../settings/settings";
import { utcToWallTime } from "../factory-time";
import type { TicketStatus } from "./model";
import { loadColumns, statusName } from "./columns";
import type { TicketEventType } from "./events";

/** The device's id for one action: the same on every send of it. */
export const clientIdInput = z.uuid().optional();

/**
 * The event an earlier send of this action wrote, or null when none did. The id is
 * the person's own, for the same kind of action: anything else is refused as a
 * conflict, and says nothing of whose it is.
 */
export async function earlierSend(db: Db, clientId: string, user: Actor, type: TicketEventType) {
  const event = await db.ticketEvent.findUnique({ where: { clientId }, select: { ticketId: true, actorId: true, type: true, toValue: true } });
  if (!event) return null;
  if (event.actorId !== user.id || event.type !== type) refuse("conflict");
  return event;
}

/**
 * A status change sent from the outbox that found the ticket elsewhere than where
 * the person saw it. Said with what happened, since the person reads it later and
 * away from the board: where the ticket is, who put it there and when. When the
 * ticket is already where this person's own last move put it, that move is this
 * one arriving again (its first send was answered too late): nothing to do.
 */
export async function refuseMovedMeanwhile(ctx: ActionContext, ticketId: number, to: TicketStatus): Promise<void> {
  const { db, user, t, locale } = ctx;
  const ticket = await db.ticket.findFirst({ where: { id: ticketId, deletedAt: null }, select: { status: true } });
  if (!ticket) refuse("notFound");
  const last = await db.ticketEvent.findFirst({
    where: { ticketId, type: "status" },
    orderBy: { id: "desc" },
    select: { actorId: true, createdAt: true, actor: { select: { name: true } } },
  });
  if (ticket.status === to && last?.actorId === user.id) return;
  const status = statusName(await loadColumns(db), ticket.status, locale, t);
  if (!last?.actor) refuse("movedMeanwhileTo", { values: { status } });
  const { timeZone } = await getSettings(db);
  const now = ctx.now ?? new Date();
  const today = utcToWallTime(last.createdAt, timeZone).date === utcToWallTime(now, timeZone).date;
  const when = today ? formatTime(last.createdAt, locale, timeZone) : formatDateTime(last.createdAt, locale, timeZone);
  refuse(today ? "movedMeanwhileBy" : "movedMeanwhileByOn", { values: { status, name: last.actor.name, when } });
}
