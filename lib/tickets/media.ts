// Photos and videos of a ticket: files stored by lib/stored-files.ts, each with a
// row in `media` written after its object, so a ticket never shows half a file.
import { z } from "zod";
import { getMediaBucket } from "../db";
import { defineOperation, refuse } from "../operation";
import { canDeleteOwnedBy } from "../permissions";
import { mediaFiles, removeStoredObjects, storeNewMedia } from "../stored-files";
import { recordTicketEvent, recordTicketEvents } from "./events";

const id = z.coerce.number().int().positive();

export const addMedia = defineOperation(
  { input: z.object({ ticketId: id, files: mediaFiles.pipe(z.array(z.instanceof(File)).min(1)) }), permission: "ticket.addMedia" },
  async (input, ctx) => {
    const { db, user } = ctx;
    const ticket = await db.ticket.findFirst({ where: { id: input.ticketId, deletedAt: null }, select: { id: true } });
    if (!ticket) refuse("notFound");
    const stored = await storeNewMedia(ctx, input.files, { field: "files", prefix: "tickets" });
    try {
      await db.media.createMany({ data: stored.map((m) => ({ ...m, ticketId: ticket.id, uploadedBy: user.id })) });
    } catch (error) {
      await removeStoredObjects(ctx, stored);
      throw error;
    }
    await recordTicketEvents(db, stored.map((m) => ({ ticketId: ticket.id, actorId: user.id, type: "media_added" as const, to: m.fileName })));
    return { count: stored.length };
  },
);

export const deleteMedia = defineOperation({ input: z.object({ id }), permission: "ticket.view" }, async (input, ctx) => {
  const { db, user } = ctx;
  const media = await db.media.findFirst({
    where: { id: input.id, ticket: { deletedAt: null } },
    select: { id: true, ticketId: true, fileKey: true, fileName: true, uploadedBy: true },
  });
  if (!media) refuse("notFound");
  if (!canDeleteOwnedBy(user, media.uploadedBy, "media")) refuse("forbidden");
  const { count } = await db.media.deleteMany({ where: { id: media.id } });
  if (!count) refuse("notFound");
  await (await getMediaBucket(ctx)).delete(media.fileKey);
  await recordTicketEvent(db, { ticketId: media.ticketId, actorId: user.id, type: "media_removed", from: media.fileName });
  return { id: media.id };
});
