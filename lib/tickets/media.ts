// Photos and videos of a ticket: R2 objects (binding MEDIA) with a row in `media`.
// Files are checked by content and size before anything is stored, objects are
// written before rows and removed again if the rows fail: never half a media.
import { z } from "zod";
import { getMediaBucket } from "../db";
import { checkMedia } from "../file-types";
import { defineOperation, refuse, type ActionContext } from "../operation";
import { canDeleteOwnedBy } from "../permissions";
import { recordTicketEvent, recordTicketEvents } from "./events";

export const MAX_FILES = 10;

/**
 * Files of a form field. A file input left empty still sends an empty part (named
 * "undefined" once the server decodes it): zero bytes means "nothing chosen".
 */
export const mediaFiles = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((f) => f !== "" && !(f instanceof Blob && f.size === 0)),
  z.array(z.instanceof(File)).max(MAX_FILES),
);

export interface StoredMedia {
  fileKey: string;
  fileName: string;
  fileType: string;
  fileSize: number;
}

/** Checks every file, then writes them all to R2; throws (with nothing stored) on the first bad one. */
export async function storeNewMedia(ctx: ActionContext, files: File[], field: string): Promise<StoredMedia[]> {
  const checked = [];
  for (const file of files) {
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const result = checkMedia(head, file.size);
    if (!result.ok) {
      const rule = ({ type: "mediaType", size: "mediaSize", empty: "mediaEmpty" } as const)[result.reason];
      refuse(rule, { field, values: { name: file.name } });
    }
    checked.push({ file, type: result.type });
  }
  if (!checked.length) return [];

  const bucket = await getMediaBucket(ctx);
  const stored: StoredMedia[] = [];
  try {
    for (const { file, type } of checked) {
      const fileKey = `tickets/${crypto.randomUUID()}.${type.extension}`;
      await bucket.put(fileKey, await file.arrayBuffer(), { httpMetadata: { contentType: type.mime } });
      stored.push({ fileKey, fileName: file.name.slice(0, 200) || fileKey, fileType: type.mime, fileSize: file.size });
    }
  } catch (error) {
    await removeStoredObjects(ctx, stored);
    throw error;
  }
  return stored;
}

export async function removeStoredObjects(ctx: ActionContext, stored: StoredMedia[]): Promise<void> {
  if (!stored.length) return;
  const bucket = await getMediaBucket(ctx);
  await bucket.delete(stored.map((m) => m.fileKey));
}

const id = z.coerce.number().int().positive();

export const addMedia = defineOperation(
  { input: z.object({ ticketId: id, files: mediaFiles.pipe(z.array(z.instanceof(File)).min(1)) }), permission: "ticket.addMedia" },
  async (input, ctx) => {
    const { db, user } = ctx;
    const ticket = await db.ticket.findFirst({ where: { id: input.ticketId, deletedAt: null }, select: { id: true } });
    if (!ticket) refuse("notFound");
    const stored = await storeNewMedia(ctx, input.files, "files");
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
