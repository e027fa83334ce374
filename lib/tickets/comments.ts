// Comments on a ticket. The author is always the signed-in user (the context's
// actor), never a value from the form.
import { z } from "zod";
import { defineOperation, refuse } from "../operation";
import { isUniqueViolation, sql, type Statement } from "../db/sql";
import { type Db } from "../db/client";
import { canDeleteOwnedBy, type Who } from "../permissions";
import { MAX_TICKET_TEXT, visibleTicketsWhere } from "./model";
import { ticketReaderFor, visibleTicket } from "./queries";
import { changeTicket, ticketEventsInsert } from "./events";
import { dispatchWritten, reportChanged, writeAndNotify } from "../notifications/events";
import { clientIdInput, earlierSend } from "./replay";

const id = z.coerce.number().int().positive();
const content = z.string().trim().min(1).max(MAX_TICKET_TEXT);

/**
 * A comment and its timeline event, for a batch: the comment only if `where`
 * holds over the ticket's row (still there; or just finished, for "Terminé"
 * with a comment), the event only if the comment was written.
 */
export function commentStatements(
  ticketId: number,
  actorId: number,
  content: string,
  now: Date,
  where: Statement = sql`deleted_at IS NULL`,
  /** The device's id for the comment, when it may arrive twice (lib/tickets/replay.ts). */
  clientId?: string,
): Statement[] {
  return [
    sql`INSERT INTO ticket_comments (ticket_id, user_id, content, created_at, updated_at)
        SELECT id, ${actorId}, ${content}, ${now}, ${now} FROM tickets WHERE id = ${ticketId} AND ${where}
        RETURNING id`,
    ticketEventsInsert([{ ticketId, actorId, type: "comment", clientId }], now, {
      // The comment just inserted: ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
      to: sql`(SELECT MAX(id) FROM ticket_comments)`,
    })!,
  ];
}

export const addComment = defineOperation(
  // clientId: sent from the device's outbox, the same comment sent twice is written once (lib/tickets/replay.ts).
  { input: z.object({ ticketId: id, content, clientId: clientIdInput }), permission: "ticket.comment" },
  async (input, ctx) => {
    const { db, user, now = new Date() } = ctx;
    // Not on a ticket the person may not open (operators may see only their own reports).
    const ticket = await db.ticket.findFirst({ where: visibleTicket(await ticketReaderFor(db, user), input.ticketId), select: { id: true } });
    if (!ticket) refuse("notFound");
    // The comment only on a ticket that is still there, and its event with it (one batch).
    let written: Awaited<ReturnType<typeof writeAndNotify>>;
    try {
      written = await writeAndNotify(
        db,
        commentStatements(input.ticketId, user.id, input.content, now, undefined, input.clientId),
        reportChanged("report_comment", input.ticketId, { actorId: user.id, now }),
      );
    } catch (error) {
      const earlier = input.clientId && isUniqueViolation(error) ? await earlierSend(db, input.clientId, user, "comment") : null;
      if (!earlier) throw error;
      if (earlier.ticketId !== input.ticketId) refuse("conflict");
      return { id: Number(earlier.toValue) };
    }
    const { results, notifications } = written;
    await dispatchWritten(ctx, notifications);
    const row = results[0]!.rows[0];
    if (!row) refuse("notFound");
    return { id: Number(row.id) };
  },
);

async function openComment(db: Db, commentId: number, who: Who) {
  const reader = await ticketReaderFor(db, who);
  const comment = await db.ticketComment.findFirst({
    where: { id: commentId, deletedAt: null, ticket: { deletedAt: null, ...visibleTicketsWhere(reader) } },
    select: { id: true, ticketId: true, userId: true },
  });
  return comment ?? refuse("notFound");
}

/** Only the author edits a comment: nobody puts words in someone else's mouth. */
export const editComment = defineOperation(
  { input: z.object({ id, content }), permission: "ticket.comment" },
  async (input, { db, user, now = new Date() }) => {
    const comment = await openComment(db, input.id, user);
    if (comment.userId !== user.id) refuse("forbidden");
    const count = await changeTicket(
      db,
      sql`UPDATE ticket_comments SET content = ${input.content}, updated_at = ${now} WHERE id = ${comment.id} AND deleted_at IS NULL`,
      { ticketId: comment.ticketId, actorId: user.id, type: "comment_edited", to: comment.id },
      now,
    );
    if (!count) refuse("notFound");
    return { id: comment.id };
  },
);

export const deleteComment = defineOperation({ input: z.object({ id }), permission: "ticket.view" }, async (input, { db, user, now = new Date() }) => {
  const comment = await openComment(db, input.id, user);
  if (!canDeleteOwnedBy(user, comment.userId, "comment")) refuse("forbidden");
  const count = await changeTicket(
    db,
    sql`UPDATE ticket_comments SET deleted_at = ${now}, updated_at = ${now} WHERE id = ${comment.id} AND deleted_at IS NULL`,
    { ticketId: comment.ticketId, actorId: user.id, type: "comment_deleted", from: comment.id },
    now,
  );
  if (!count) refuse("notFound");
  return { id: comment.id };
});
