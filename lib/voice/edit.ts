// A voice note's transcript corrected by its author, and by nobody else: the text
// stands for what they said. Once corrected, the model never writes over it
// (jobs.ts). A message's correction reaches the conversation's open pages as the
// message itself does; a ticket's is in the ticket's timeline, as a comment's edit is.
import { z } from "zod";
import { sql } from "../db/sql";
import { publishLive } from "../messages/live";
import { getMessageView } from "../messages/queries";
import { defineOperation, refuse } from "../operation";
import { readableConversation } from "../messages/members";
import { changeTicket } from "../tickets/events";
import { visibleTicketsWhere } from "../tickets/model";
import { ticketReaderFor } from "../tickets/queries";
import { continueAfterResponse } from "../after-response";
import { MAX_TRANSCRIPT, TRANSCRIPT_STATUS } from "./model";

export const transcriptInput = z.object({
  id: z.coerce.number().int().positive(),
  text: z.string().trim().min(1).max(MAX_TRANSCRIPT),
});

export const editMessageTranscript = defineOperation({ input: transcriptInput, permission: "message.send" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const message = await db.message.findFirst({
    where: { id: input.id, deletedAt: null, transcriptStatus: TRANSCRIPT_STATUS.done },
    select: { id: true, senderId: true, conversationKey: true },
  });
  // Someone else's private message, or a group's the author has left: as if it did not exist.
  if (!message || !(await readableConversation(db, user, message.conversationKey))) refuse("notFound");
  if (message.senderId !== user.id) refuse("transcriptNotYours");
  const { count } = await db.message.updateMany({
    where: { id: message.id, senderId: user.id, deletedAt: null, transcriptStatus: TRANSCRIPT_STATUS.done },
    data: { transcript: input.text, transcriptEditedAt: now },
  });
  if (!count) refuse("notFound");
  const view = (await getMessageView(db, { id: message.id }))!;
  continueAfterResponse(publishLive(ctx, message.conversationKey, { type: "message", message: view }));
  return view;
});

export const editVoiceNoteTranscript = defineOperation({ input: transcriptInput, permission: "ticket.view" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const note = await db.media.findFirst({
    where: {
      id: input.id,
      fileType: { startsWith: "audio/" },
      transcriptStatus: TRANSCRIPT_STATUS.done,
      ticket: { deletedAt: null, ...visibleTicketsWhere(await ticketReaderFor(db, user)) },
    },
    select: { id: true, ticketId: true, uploadedBy: true },
  });
  if (!note) refuse("notFound");
  if (note.uploadedBy !== user.id) refuse("transcriptNotYours");
  const count = await changeTicket(
    db,
    sql`UPDATE media SET transcript = ${input.text}, transcript_edited_at = ${now}
        WHERE id = ${note.id} AND uploaded_by = ${user.id} AND transcript_status = ${TRANSCRIPT_STATUS.done}`,
    { ticketId: note.ticketId, actorId: user.id, type: "transcript_edited", to: note.id },
    now,
  );
  if (!count) refuse("notFound");
  return { id: note.id };
});
