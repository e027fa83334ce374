// The company logo: an image in R2 (binding MEDIA) whose key is the `logoKey`
// setting. Its type is decided by its bytes (lib/file-types.ts), never by the name
// or the browser's claim; SVG is refused (it can carry script).
import { z } from "zod";
import { getMediaBucket } from "../stored-files";
import { detectMediaType } from "../file-types";
import { defineOperation, refuse } from "../operation";
import { getSettings, settingChanges, writeSettings } from "./settings";

export const MAX_LOGO_BYTES = 512 * 1024;

const imageTypes = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
} as const;
export type ImageExtension = keyof typeof imageTypes;

/** The logo format the bytes really are (PNG, JPEG or WebP), or null. */
export function sniffImage(bytes: Uint8Array): ImageExtension | null {
  const type = detectMediaType(bytes.subarray(0, 16));
  const extension = Object.entries(imageTypes).find(([, mime]) => mime === type?.mime)?.[0];
  return (extension as ImageExtension | undefined) ?? null;
}

export function contentTypeOfKey(key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1) as ImageExtension;
  return imageTypes[extension] ?? "application/octet-stream";
}

// The size is checked before the bytes are read, and again on the bytes.
const logoInput = z.object({ logo: z.instanceof(File).refine((file) => file.size <= MAX_LOGO_BYTES * 2) });

/**
 * Stores the new logo, then points the setting at it. If the setting cannot be
 * written the new object is removed, so a failure leaves nothing behind; the
 * old object is removed only once nothing refers to it.
 */
export const replaceLogo = defineOperation({ input: logoInput, permission: "settings.manage" }, async ({ logo }, ctx): Promise<string> => {
  const { db, user, now = new Date() } = ctx;
  const bytes = new Uint8Array(await logo.arrayBuffer());
  if (bytes.byteLength === 0) refuse("logoMissing", { field: "logo" });
  if (bytes.byteLength > MAX_LOGO_BYTES) refuse("logoTooLarge", { field: "logo" });
  const extension = sniffImage(bytes) ?? refuse("logoBadType", { field: "logo" });

  const bucket = await getMediaBucket(ctx);
  const before = await getSettings(db);
  const key = `branding/logo-${crypto.randomUUID()}.${extension}`;
  await bucket.put(key, bytes, { httpMetadata: { contentType: imageTypes[extension] } });
  try {
    await writeSettings(db, { logoKey: key }, { actorId: user.id, now, audit: settingChanges(user.id, before, { logoKey: key }) });
  } catch (error) {
    await bucket.delete(key);
    throw error;
  }
  if (before.logoKey) await bucket.delete(before.logoKey);
  return key;
});

export const removeLogo = defineOperation({ input: z.object({}), permission: "settings.manage" }, async (_input, ctx): Promise<void> => {
  const { db, user, now = new Date() } = ctx;
  const before = await getSettings(db);
  if (!before.logoKey) return;
  await writeSettings(db, { logoKey: null }, { actorId: user.id, now, audit: settingChanges(user.id, before, { logoKey: null }) });
  await (await getMediaBucket(ctx)).delete(before.logoKey);
});
