// Files a user uploads (ticket photos and videos, message photos): R2 objects
// (binding MEDIA), checked by content and size before anything is stored. Objects
// are written before rows and removed again if the rows fail: never half a file.
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { z } from "zod";
import { checkAudio, checkMedia } from "./file-types";
import { refuse, type ActionContext } from "./operation";

export const MAX_FILES = 10;

/** The R2 bucket for photos, videos and the logo: the one a caller passes (tests), else the worker's. */
export async function getMediaBucket(options: { media?: R2Bucket } = {}): Promise<R2Bucket> {
  return options.media ?? (await getCloudflareContext({ async: true })).env.MEDIA;
}

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
  /** A file's own field when a form has two pickers (the report's camera): its refusal is said there. */
  fieldOf?: (file: File) => string | undefined;
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
  const { prefix, photosOnly } = options;
  const checked = [];
  for (const file of files) {
    const result = checkMedia(await headOf(file), file.size);
    const values = { name: file.name };
    const field = options.fieldOf?.(file) ?? options.field;
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

/** A voice note (a message's or a ticket's), checked by its bytes, its size and its stated duration, then stored. */
export async function storeVoiceNote(ctx: ActionContext, audio: File, seconds: number, options: StoreOptions): Promise<StoredMedia & { duration: number }> {
  const result = checkAudio(await headOf(audio), audio.size, seconds);
  if (!result.ok) refuse(({ type: "audioType", size: "audioTooLarge", duration: "audioTooLong" } as const)[result.reason], { field: options.field });
  const fileKey = `${options.prefix}/${crypto.randomUUID()}.${result.type.extension}`;
  await (await getMediaBucket(ctx)).put(fileKey, await audio.arrayBuffer(), { httpMetadata: { contentType: result.type.mime } });
  return { fileKey, fileName: fileKey, fileType: result.type.mime, fileSize: audio.size, duration: Math.round(seconds) };
}

/**
 * Copies stored files to new objects under `prefix` (a message's photos becoming a
 * ticket's): each record then owns its files, so deleting the message, or the
 * ticket's photo, never takes the other's away. Throws with nothing left behind.
 */
export async function copyStoredObjects(ctx: ActionContext, files: StoredMedia[], prefix: StoreOptions["prefix"]): Promise<StoredMedia[]> {
  if (!files.length) return [];
  const bucket = await getMediaBucket(ctx);
  const copies: StoredMedia[] = [];
  try {
    for (const file of files) {
      const source = await bucket.get(file.fileKey);
      if (!source) continue; // gone meanwhile (the message was deleted): nothing to copy
      const fileKey = `${prefix}/${crypto.randomUUID()}.${file.fileKey.split(".").pop()}`;
      await bucket.put(fileKey, await source.arrayBuffer(), { httpMetadata: { contentType: file.fileType } });
      copies.push({ fileKey, fileName: file.fileName, fileType: file.fileType, fileSize: file.fileSize });
    }
  } catch (error) {
    await removeStoredObjects(ctx, copies);
    throw error;
  }
  return copies;
}

export async function removeStoredObjects(ctx: ActionContext, stored: StoredMedia[]): Promise<void> {
  if (!stored.length) return;
  const bucket = await getMediaBucket(ctx);
  await bucket.delete(stored.map((m) => m.fileKey));
}

export interface ServedFile {
  key: string;
  /** From our row (checked by content at upload), never from the file name. */
  type: string;
  size: number;
  /** Offered when the file is saved: ASCII only, so the header needs no encoding. */
  name: string;
}

/**
 * A stored file as an HTTP answer: inline, private to the browser's cache, never
 * sniffed, with Range support (video and audio players seek with it; Safari insists).
 */
export async function fileResponse(request: Request, bucket: R2Bucket, file: ServedFile): Promise<Response> {
  const range = parseRange(request.headers.get("range"), file.size);
  const object = await bucket.get(file.key, range ? { range } : undefined);
  if (!object) return new Response("Not found", { status: 404 });
  const headers = new Headers({
    "Content-Type": file.type,
    "Cache-Control": "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `inline; filename="${file.name.replace(/[^\w.-]/g, "_")}"`,
    "Accept-Ranges": "bytes",
  });
  if (!range) {
    headers.set("Content-Length", String(file.size));
    return new Response(object.body, { headers });
  }
  headers.set("Content-Range", `bytes ${range.offset}-${range.offset + range.length - 1}/${file.size}`);
  headers.set("Content-Length", String(range.length));
  return new Response(object.body, { status: 206, headers });
}

function parseRange(header: string | null, size: number): { offset: number; length: number } | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (!match[1] && !match[2])) return null;
  const start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start > end || start >= size) return null;
  return { offset: start, length: end - start + 1 };
}
