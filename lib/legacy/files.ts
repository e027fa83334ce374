// The files the rows name (ticket photos, videos and voice notes, message voice
// notes and photos) live in the old system's R2 bucket under their keys. Given
// the bucket, each object is read: its first bytes decide what it is, as they do
// for an upload (lib/file-types.ts), and its size is the one served; a missing
// object is reported, its row kept (the file can be copied under the same key
// later). Without the bucket, the old row's declared type must be one Atelier
// serves. Either way a file that is not a photo, video or voice note is not
// imported: Atelier serves files inline from its own origin, by their stored type.
import { detectAudioType, detectMediaType } from "../file-types";
import { addNote, countOf } from "./report";
import type { FileRef, ImportPlan } from "./rows";

/**
 * An object found in the old bucket: its size and first 16 bytes, and for a voice
 * note its length read from the file (audio-length.ts). Null: not there.
 */
export type FileCheck = { size: number; head: Uint8Array; seconds?: number | null } | null;

const servable: Record<FileRef["use"], Set<string>> = {
  media: new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "video/mp4", "video/quicktime", "video/webm"]),
  audio: new Set(["audio/webm", "audio/ogg", "audio/mp4"]),
  photo: new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic"]),
};

/** The type Atelier stores for an object read from the bucket, or null when it is none it serves for that use. */
export function detectedType(use: FileRef["use"], head: Uint8Array): string | null {
  if (use === "audio") return detectAudioType(head)?.mime ?? null;
  const type = detectMediaType(head);
  if (!type || (use === "photo" && type.kind !== "image")) return null;
  return type.mime;
}

/**
 * Settles each file's row against what the bucket holds (`checks`, by key; null
 * when no bucket was given) and returns the files to copy.
 */
export function settleFiles(plan: ImportPlan, checks: Map<string, FileCheck> | null): FileRef[] {
  const { rows, report } = plan;
  const copy: FileRef[] = [];
  const missing: string[] = [];
  const wrongType: string[] = [];
  const refused = new Set<FileRef>();
  const dropped = { media: new Set<number>(), audio: new Set<number>(), attachments: new Set<number>() };
  let notCopied = 0;

  for (const file of plan.files) {
    const media = file.table === "media" ? rows.media.find((m) => m.id === file.id)! : null;
    const message = file.table === "messages" ? rows.messages.find((m) => m.id === file.id)! : null;
    const attachment = file.table === "message_attachments" ? rows.message_attachments.find((a) => a.id === file.id)! : null;
    const declared = media?.file_type ?? message?.audio_type ?? attachment?.file_type ?? "";
    const check = checks?.get(file.key);
    let type: string | null = declared;
    let size: number | null = null;
    if (check) {
      type = detectedType(file.use, check.head);
      size = check.size;
    } else if (!servable[file.use].has(declared)) type = null;
    if (type === null) {
      wrongType.push(`${file.key} (${declared || "?"})`);
      refused.add(file);
      if (media) dropped.media.add(media.id);
      if (message) dropped.audio.add(message.id);
      if (attachment) dropped.attachments.add(attachment.id);
      continue;
    }
    const seconds = check?.seconds ?? null;
    if (media) Object.assign(media, { file_type: type, file_size: size ?? media.file_size, duration: media.duration ?? seconds });
    if (message) Object.assign(message, { audio_type: type, audio_size: size ?? message.audio_size, audio_duration: message.audio_duration ?? seconds });
    if (attachment) Object.assign(attachment, { file_type: type, file_size: size ?? attachment.file_size });
    if (check) copy.push(file);
    else if (checks) missing.push(file.key);
    else notCopied++;
  }

  rows.media = rows.media.filter((m) => !dropped.media.has(m.id));
  rows.message_attachments = rows.message_attachments.filter((a) => !dropped.attachments.has(a.id));
  for (const message of rows.messages) {
    if (dropped.audio.has(message.id)) Object.assign(message, { audio_key: null, audio_duration: null, audio_type: null, audio_size: null });
  }
  // A message left with nothing to show (its only file refused) is not imported.
  const kept = new Set(rows.message_attachments.map((a) => a.message_id));
  const empty = new Set(rows.messages.filter((m) => !m.content && !m.audio_key && !kept.has(m.id)).map((m) => m.id));
  rows.messages = rows.messages.filter((m) => !empty.has(m.id));
  plan.files = plan.files.filter((f) => !refused.has(f));

  const mediaCount = countOf(report, "media");
  if (mediaCount) mediaCount.imported -= dropped.media.size;
  addNote(report.imported, "filesCopied", copy.length);
  addNote(report.imported, "filesNotCopied", notCopied);
  addNote(report.notImported, "filesMissing", missing.length, { items: missing });
  addNote(report.notImported, "mediaWrongType", wrongType.length, { items: wrongType });
  return copy;
}
