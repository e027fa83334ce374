// Photos and videos of a ticket: files stored by lib/stored-files.ts, each with a
// row in `media` written after its object, so a ticket never shows half a file.
// Rows and their timeline events go in one D1 batch.
import { z } from "zod";
import { getMediaBucket } from "../stored-files";
import { sql, type Statement } from "../db/sql";
import { writeBatch } from "../db/batch";
import { defineOperation, refuse } from "../operation";
import { canDeleteOwnedBy } from "../permissions";
import { mediaFiles, removeStoredObjects, storeNewMedia, type StoredMedia } from "../stored-files";
import { changeTicket, ticketEventsInsert } from "./events";
import { visibleTicketsWhere } from "./model";
import { ticketReaderFor, visibleTicket } from "./queries";

/** The rows of stored files, for a batch; `ticket` is SQL (a literal id or the ticket inserted just before). */
export function mediaInsert(stored: StoredMedia[], ticket: Statement, uploadedBy: number, now: Date, where: Statement = sql`true`): Statement {
  return sql`
    INSERT INTO media (ticket_id, file_key, file_name, file_type, file_size, uploaded_by, created_at)
    SELECT ${ticket}, json_extract(e.value, '$.fileKey'), json_extract(e.value, '$.fileName'), json_extract(e.value, '$.fileType'),
           json_extract(e.value, '$.fileSize'), ${uploadedBy}, ${now}
    FROM json_each(${JSON.stringify(stored)}) AS e
    WHERE ${where}`;
}

/** The rows of files stored for an existing ticket and their timeline events, for a batch: the rows only if `where` holds. */
export function mediaStatements(stored: StoredMedia[], ticketId: number, uploadedBy: number, now: Date, where: Statement): Statement[] {
  return [
    mediaInsert(stored, sql`${ticketId}`, uploadedBy, now, where),
    ticketEventsInsert(
      stored.map((m) => ({ ticketId, actorId: uploadedBy, type: "media_added" as const, to: m.fileName })),
      now,
    )!,
  ];
}

const id = z.coerce.number().int().positive();

export const addMedia = defineOperation(
  { input: z.object({ ticketId: id, files: mediaFiles.pipe(z.array(z.instanceof(File)).min(1)) }), permission: "ticket.addMedia" },
  async (input, ctx) => {
    const { db, user, now = new Date() } = ctx;
    const ticket = await db.ticket.findFirst({ where: visibleTicket(await ticketReaderFor(db, user), input.ticketId), select: { id: true } });
    if (!ticket) refuse("notFound");
    const stored = await storeNewMedia(ctx, input.files, { field: "files", prefix: "tickets" });
    let added: number;
    try {
      // Not onto a ticket deleted while the files were uploading.
      const [rows] = await writeBatch(db, mediaStatements(stored, ticket.id, user.id, now, sql`EXISTS (SELECT 1 FROM tickets WHERE id = ${ticket.id} AND deleted_at IS NULL)`));
      added = rows!.changes;
    } catch (error) {
      await removeStoredObjects(ctx, stored);
      throw error;
    }
    if (!added) {
      await removeStoredObjects(ctx, stored);
      refuse("notFound");
    }
    return { count: stored.length };
  },
);

export const deleteMedia = defineOperation({ input: z.object({ id }), permission: "ticket.view" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const media = await db.media.findFirst({
    where: { id: input.id, ticket: { deletedAt: null, ...visibleTicketsWhere(await ticketReaderFor(db, user)) } },
    select: { id: true, ticketId: true, fileKey: true, fileName: true, uploadedBy: true },
  });
  if (!media) refuse("notFound");
  if (!canDeleteOwnedBy(user, media.uploadedBy, "media")) refuse("forbidden");
  const count = await changeTicket(
    db,
    sql`DELETE FROM media WHERE id = ${media.id}`,
    { ticketId: media.ticketId, actorId: user.id, type: "media_removed", from: media.fileName },
    now,
  );
  if (!count) refuse("notFound");
  // The object goes once its row is gone: a failure here leaves an unreachable file, never a broken row.
  await (await getMediaBucket(ctx)).delete(media.fileKey);
  return { id: media.id };
});
