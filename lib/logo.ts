// The company logo: an image in R2 (binding MEDIA) whose key is the `logoKey`
// setting. Its type is decided by its bytes, never by the name or the browser's
// claim; SVG is refused (it can carry script).
import type { Db } from "./db";
import { can, type Actor } from "./permissions";
import { forbidden, RuleError } from "./rule-error";
import { auditSettingChanges, getSettings, writeSettings } from "./settings";

export const MAX_LOGO_BYTES = 512 * 1024;

const imageTypes = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
} as const;
export type ImageExtension = keyof typeof imageTypes;

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** The image format the bytes really are, or null. */
export function sniffImage(bytes: Uint8Array): ImageExtension | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

export function contentTypeOfKey(key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1) as ImageExtension;
  return imageTypes[extension] ?? "application/octet-stream";
}

/**
 * Stores the new logo, then points the setting at it. If the setting cannot be
 * written the new object is removed, so a failure leaves nothing behind; the
 * old object is removed only once nothing refers to it.
 */
export async function replaceLogo(
  db: Db,
  bucket: R2Bucket,
  actor: Actor,
  bytes: Uint8Array,
  now = new Date(),
): Promise<string> {
  if (!can(actor, "settings.manage")) throw forbidden();
  if (bytes.byteLength === 0) throw new RuleError("logoMissing", "logo");
  if (bytes.byteLength > MAX_LOGO_BYTES) throw new RuleError("logoTooLarge", "logo");
  const extension = sniffImage(bytes);
  if (!extension) throw new RuleError("logoBadType", "logo");

  const before = await getSettings(db);
  const key = `branding/logo-${crypto.randomUUID()}.${extension}`;
  await bucket.put(key, bytes, { httpMetadata: { contentType: imageTypes[extension] } });
  try {
    await writeSettings(db, { logoKey: key }, actor.id, now);
  } catch (error) {
    await bucket.delete(key);
    throw error;
  }
  if (before.logoKey) await bucket.delete(before.logoKey);
  await auditSettingChanges(db, actor.id, before, { logoKey: key }, now);
  return key;
}

export async function removeLogo(db: Db, bucket: R2Bucket, actor: Actor, now = new Date()): Promise<void> {
  if (!can(actor, "settings.manage")) throw forbidden();
  const before = await getSettings(db);
  if (!before.logoKey) return;
  await writeSettings(db, { logoKey: null }, actor.id, now);
  await bucket.delete(before.logoKey);
  await auditSettingChanges(db, actor.id, before, { logoKey: null }, now);
}
