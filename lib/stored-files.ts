// Files a user uploads (ticket photos and videos, message photos): R2 objects
// (binding MEDIA), checked by content and size before anything is stored. Objects
// are written before rows and removed again if the rows fail: never half a file.
import { z } from "zod";
import { getMediaBucket } from "./db";
import { checkMedia } from "./file-types";
import { refuse, type ActionContext } from "./operation";

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

export interface StoreOptions {
  /** The form field refused when a file is bad. */
  field: string;
  /** The R2 key's folder: one per domain. */
  prefix: "tickets" | "messages";
  /** Photos only (messages); tickets also take videos. */
  photosOnly?: boolean;
}

/** The first 16 bytes of a file: what lib/file-types.ts decides by. */
export async function headOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, 16).arrayBuffer());
}

/** Checks every file, then writes them all to R2; throws (with nothing stored) on the first bad one. */
export async function storeNewMedia(ctx: ActionContext, files: File[], options: StoreOptions): Promise<StoredMedia[]> {
  const { field, prefix, photosOnly } = options;
  const checked = [];
  for (const file of files) {
    const result = checkMedia(await headOf(file), file.size);
    const values = { name: file.name };
    if (!result.ok) {
      const rules = photosOnly ? ({ type: "photoType", size: "photoSize", empty: "mediaEmpty" } as const) : ({ type: "mediaType", size: "mediaSize", empty: "mediaEmpty" } as const);
      refuse(rules[result.reason], { field, values });
    }
    if (photosOnly && result.type.kind !== "image") refuse("photoType", { field, values });
    checked.push({ file, type: result.type });
  }
  if (!checked.length) return [];

  const bucket = await getMediaBucket(ctx);
  const stored: StoredMedia[] = [];
  try {
    for (const { file, type } of checked) {
      const fileKey = `${prefix}/${crypto.randomUUID()}.${type.extension}`;
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
