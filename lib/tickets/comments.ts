// Comments on a ticket. The author is always the signed-in user (the context's
// actor), never a value from the form.
import { z } from "zod";
import { defineOperation, refuse } from "../operation";
import type { Db } from "../db";
import { canDeleteOwnedBy } from "../permissions";
import { recordTicketEvent } from "./events";

const id = z.coerce.number().int().positive();
const content = z.string().trim().min(1).max(5000);

export const addComment = defineOperation(
  { input: z.object({ ticketId: id, content }), permission: "ticket.comment" },
  async (input, { db, user }) => {
    const ticket = await db.ticket.findFirst({ where: { id: input.ticketId, deletedAt: null }, select: { id: true } });
    if (!ticket) refuse("notFound");
    const comment = await db.ticketComment.create({
      data: { ticketId: ticket.id, userId: user.id, content: input.content },
      select: { id: true },
    });
    await recordTicketEvent(db, { ticketId: ticket.id, actorId: user.id, type: "comment", to: comment.id });
    return comment;
  },
);

async function openComment(db: Db, commentId: number) {
  const comment = await db.ticketComment.findFirst({
    where: { id: commentId, deletedAt: null, ticket: { deletedAt: null } },
    select: { id: true, ticketId: true, userId: true },
  });
  return comment ?? refuse("notFound");
}

/** Only the author edits a comment: nobody puts words in someone else's mouth. */
export const editComment = defineOperation(
  { input: z.object({ id, content }), permission: "ticket.comment" },
  async (input, { db, user }) => {
    const comment = await openComment(db, input.id);
    if (comment.userId !== user.id) refuse("forbidden");
    const { count } = await db.ticketComment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { content: input.content } });
    if (!count) refuse("notFound");
    await recordTicketEvent(db, { ticketId: comment.ticketId, actorId: user.id, type: "comment_edited", to: comment.id });
    return { id: comment.id };
  },
);

export const deleteComment = defineOperation({ input: z.object({ id }), permission: "ticket.view" }, async (input, { db, user }) => {
  const comment = await openComment(db, input.id);
  if (!canDeleteOwnedBy(user, comment.userId, "comment")) refuse("forbidden");
  const { count } = await db.ticketComment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { deletedAt: new Date() } });
  if (!count) refuse("notFound");
  await recordTicketEvent(db, { ticketId: comment.ticketId, actorId: user.id, type: "comment_deleted", from: comment.id });
  return { id: comment.id };
});
