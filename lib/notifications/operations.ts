// What a person does with their own notifications: open one (it is read), read
// them all, choose a channel per kind. Nobody touches anyone else's: every
// statement is keyed by the actor's id.
import { z } from "zod";
import { sql, sqlDate } from "../db/sql";
import { writeBatch } from "../db/batch";
import { defineOperation, perform, refuse } from "../operation";
import { moveTicket, takeTicket } from "../tickets/operations";
import { firstColumnOf, loadColumns, stageOf } from "../tickets/columns";
import { kindsFor, notificationChannels, notificationHref } from "./model";
import { countUnreadNotifications } from "./queries";

const id = z.coerce.number().int().positive();

/** Opens a notification: marks it read and says where it leads (its ticket, conversation or machine). */
export const openNotification = defineOperation({ input: z.object({ id }) }, async (input, { db, user, now = new Date() }) => {
  const [target] = await db.$queryRawUnsafe<{ kind: string; ticket_code: string | null; conversation_key: string | null; machine_id: number | null }[]>(
    `SELECT n.kind, t.ticket_id AS ticket_code, m.conversation_key, n.machine_id
     FROM notifications n LEFT JOIN tickets t ON t.id = n.ticket_id AND t.deleted_at IS NULL LEFT JOIN messages m ON m.id = n.message_id
     WHERE n.id = ?1 AND n.recipient_id = ?2`,
    input.id,
    user.id,
  );
  if (!target) refuse("notFound");
  await db.notification.updateMany({ where: { id: input.id, recipientId: user.id, readAt: null }, data: { readAt: now } });
  return {
    href: notificationHref({
      kind: target.kind,
      ticketCode: target.ticket_code,
      conversationKey: target.conversation_key,
      machineId: target.machine_id === null ? null : Number(target.machine_id),
    }),
  };
});

/** A ticket page was opened (from the bell or not): what it told the person about that ticket is read. */
export const readTicketNotifications = defineOperation({ input: z.object({ ticketId: id }) }, async (input, { db, user, now = new Date() }) => {
  const { count } = await db.notification.updateMany({ where: { recipientId: user.id, ticketId: input.ticketId, readAt: null }, data: { readAt: now } });
  return { count };
});

export const markAllNotificationsRead = defineOperation({ input: z.object({}) }, async (_input, { db, user, now = new Date() }) => {
  const { count } = await db.notification.updateMany({ where: { recipientId: user.id, readAt: null }, data: { readAt: now } });
  return { count };
});

/** The bell's count, read again when the live socket says it changed. */
/** The bell's count, with when it was counted: the client keeps the newest of this and the layout's render. */
export const readUnreadNotifications = defineOperation({ input: z.object({}) }, async (_input, { db, user, now = new Date() }) => ({
  unread: await countUnreadNotifications(db, user.id),
  countedAt: now.getTime(),
}));

const channel = z.enum(notificationChannels);

/** Every kind the person's role can receive, each with its channel: one statement. */
export const saveNotificationPreferences = defineOperation(
  { input: z.record(z.string(), z.unknown()) },
  async (input, { db, user, now = new Date() }) => {
    const kinds = kindsFor(user.role);
    const parsed = z.object(Object.fromEntries(kinds.map((k) => [k, channel]))).safeParse(input);
    if (!parsed.success) refuse("invalid");
    const rows = kinds.map((kind) => ({ kind, channel: (parsed.data as Record<string, string>)[kind] }));
    await writeBatch(db, [
      sql`INSERT INTO notification_preferences (user_id, kind, channel, updated_at)
          SELECT ${user.id}, json_extract(e.value, '$.kind'), json_extract(e.value, '$.channel'), ${sqlDate(now)}
          FROM json_each(${JSON.stringify(rows)}) AS e
          WHERE true
          ON CONFLICT (user_id, kind) DO UPDATE SET channel = excluded.channel, updated_at = excluded.updated_at`,
    ]);
    return { saved: rows.length };
  },
);

/**
 * "J'y vais" on an assignment's push (public/sw.js): the person takes the ticket
 * and starts it (to the first column in work, as "Commencer" does: lib/tickets/columns.ts),
 * each step checked as the same move on the board would be (perform: permission,
 * then the ticket as it is now).
 */
export const goOnAssignment = defineOperation({ input: z.object({ notificationId: id }) }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const notification = await db.notification.findFirst({
    where: { id: input.notificationId, recipientId: user.id, kind: "assigned" },
    select: { ticketId: true },
  });
  const ticket = notification?.ticketId
    ? await db.ticket.findFirst({ where: { id: notification.ticketId, deletedAt: null }, select: { id: true, ticketId: true, status: true, assignedTo: true } })
    : null;
  if (!ticket) refuse("notFound");
  if (ticket.assignedTo !== user.id) {
    const taken = await perform(takeTicket, { id: ticket.id }, ctx);
    if (!taken.ok) refuse(taken.code ?? "forbidden");
  }
  const columns = await loadColumns(db);
  const start = firstColumnOf(columns, "in_work");
  if (start && stageOf(columns, ticket.status) !== "in_work") {
    const moved = await perform(moveTicket, { id: ticket.id, from: ticket.status, to: start.key }, ctx);
    if (!moved.ok) refuse(moved.code ?? "forbidden");
  }
  await db.notification.updateMany({ where: { id: input.notificationId, recipientId: user.id, readAt: null }, data: { readAt: now } });
  return { ticketCode: ticket.ticketId };
});
