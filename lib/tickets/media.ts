// Photos and videos of a ticket: files stored by lib/stored-files.ts, each with a
// row in `media` written after its object, so a ticket never shows half a file.
// Rows and their timeline events go in one D1 batch.
import { z } from "zod";
import { getMediaBucket } from "../stored-files";
import { isUniqueViolation, sql, type Statement } from "../db/sql";
import { writeBatch } from "../db/batch";
import { defineOperation, refuse, type ActionContext } from "../operation";
import { canDeleteOwnedBy } from "../permissions";
import { mediaFiles, removeStoredObjects, storeNewMedia, storeVoiceNote, type StoredMedia } from "../stored-files";
import { changeTicket, ticketEventsInsert, type TicketEventInput } from "./events";
import { clientIdInput, earlierSend } from "./replay";
import { visibleTicketsWhere } from "./model";
import { ticketReaderFor, visibleTicket } from "./queries";
import { requestTranscript } from "../voice/jobs";

/** The rows of stored files, for a batch; `ticket` is SQL (a literal id or the ticket inserted just before). */
export function mediaInsert(stored: StoredMedia[], ticket: Statement, uploadedBy: number, now: Date, where: Statement = sql`true`): Statement {
  return sql`
    INSERT INTO media (ticket_id, file_key, file_name, file_type, file_size, duration, uploaded_by, created_at)
    SELECT ${ticket}, json_extract(e.value, '$.fileKey'), json_extract(e.value, '$.fileName'), json_extract(e.value, '$.fileType'),
           json_extract(e.value, '$.fileSize'), json_extract(e.value, '$.duration'), ${uploadedBy}, ${now}
    FROM json_each(${JSON.stringify(stored)}) AS e
    WHERE ${where}`;
}

/** The rows of files stored for an existing ticket and their timeline events, for a batch: the rows only if `where` holds. */
export function mediaStatements<F extends StoredMedia>(
  stored: F[],
  ticketId: number,
  uploadedBy: number,
  now: Date,
  where: Statement,
  event: (file: F) => Pick<TicketEventInput, "type" | "to"> = (file) => ({ type: "media_added", to: file.fileName }),
  clientId?: string,
): Statement[] {
  return [
    mediaInsert(stored, sql`${ticketId}`, uploadedBy, now, where),
    ticketEventsInsert(
      // The device's id rides on the first file's event: a second send of the same files fails on it (lib/tickets/replay.ts).
      stored.map((file, index) => ({ ticketId, actorId: uploadedBy, ...event(file), clientId: index === 0 ? clientId : undefined })),
      now,
    )!,
  ];
}

const id = z.coerce.number().int().positive();

/**
 * Files onto a ticket the user may see: stored first (`store` checks them), then
 * their rows and timeline events in one batch, and not onto a ticket deleted
 * while they were uploading. Returns how many were added. With a client id (sent
 * from the device's outbox), the same files sent again are written once.
 */
async function attachToTicket<F extends StoredMedia>(
  ctx: ActionContext,
  ticketId: number,
  clientId: string | undefined,
  store: () => Promise<F[]>,
  event: (file: F) => Pick<TicketEventInput, "type" | "to"> = (file) => ({ type: "media_added", to: file.fileName }),
): Promise<number> {
  const { db, user, now = new Date() } = ctx;
  const ticket = await db.ticket.findFirst({ where: visibleTicket(await ticketReaderFor(db, user), ticketId), select: { id: true } });
  if (!ticket) refuse("notFound");
  const stored = await store();
  let added: number;
  try {
    const [rows] = await writeBatch(db, mediaStatements(stored, ticket.id, user.id, now, sql`EXISTS (SELECT 1 FROM tickets WHERE id = ${ticket.id} AND deleted_at IS NULL)`, event, clientId));
    added = rows!.changes;
  } catch (error) {
    await removeStoredObjects(ctx, stored);
    // Written by an earlier send of the same files: that one stands, this copy's objects go.
    if (clientId && isUniqueViolation(error) && (await earlierSend(db, clientId, user, event(stored[0]!).type))) return stored.length;
    throw error;
  }
  if (!added) {
    await removeStoredObjects(ctx, stored);
    refuse("notFound");
  }
  return stored.length;
}

export const addMedia = defineOperation(
  { input: z.object({ ticketId: id, files: mediaFiles.pipe(z.array(z.instanceof(File)).min(1)), clientId: clientIdInput }), permission: "ticket.addMedia" },
  async (input, ctx) => ({
    count: await attachToTicket(ctx, input.ticketId, input.clientId, () => storeNewMedia(ctx, input.files, { field: "files", prefix: "tickets" })),
  }),
);

/**
 * A voice note on a ticket (the ticket page's action bar), kept with its photos and
 * videos; its length is the recorder's, as for a message's (lib/file-types.ts).
 */
export const addVoiceNote = defineOperation(
  {
    input: z.object({
      ticketId: id,
      audio: mediaFiles.pipe(z.array(z.instanceof(File)).length(1)),
      audioDuration: z.coerce.number().min(0).default(0),
      clientId: clientIdInput,
    }),
    permission: "ticket.addMedia",
  },
  async (input, ctx) => {
    let note: StoredMedia | undefined;
    const count = await attachToTicket(
      ctx,
      input.ticketId,
      input.clientId,
      async () => [(note = await storeVoiceNote(ctx, input.audio[0]!, input.audioDuration, { field: "audio", prefix: "tickets" }))],
      (file) => ({ type: "voice_note_added", to: file.duration }),
    );
    // Its text, where the deployment and the plant ask for it (lib/voice/): marked pending before the
    // page renders again, which then follows the ticket's changes until the text arrives.
    if (note) await requestTranscript(ctx, { kind: "media", fileKey: note.fileKey });
    return { count };
  },
);

export const deleteMedia = defineOperation({ input: z.object({ id }), permission: "ticket.view" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const media = await db.media.findFirst({
    where: { id: input.id, ticket: { deletedAt: null, ...visibleTicketsWhere(await ticketReaderFor(db, user)) } },
    select: { id: true, ticketId: true, fileKey: true, fileName: true, fileType: true, duration: true, uploadedBy: true },
  });
  if (!media) refuse("notFound");
  if (!canDeleteOwnedBy(user, media.uploadedBy, "media")) refuse("forbidden");
  const count = await changeTicket(
    db,
    sql`DELETE FROM media WHERE id = ${media.id}`,
    media.fileType.startsWith("audio/")
      ? { ticketId: media.ticketId, actorId: user.id, type: "voice_note_removed", from: media.duration }
      : { ticketId: media.ticketId, actorId: user.id, type: "media_removed", from: media.fileName },
    now,
  );
  if (!count) refuse("notFound");
  // The object goes once its row is gone: a failure here leaves an unreachable file, never a broken row.
  await (await getMediaBucket(ctx)).delete(media.fileKey);
  return { id: media.id };
});
