// What an uploaded file really is, read from its first bytes: the name and the
// browser's declared type are the user's word, the magic bytes are the file's.

export type MediaKind = "image" | "video";

export interface DetectedType {
  kind: MediaKind;
  mime: string;
  extension: string;
}

export const MAX_BYTES: Record<MediaKind, number> = {
  image: 10 * 1024 * 1024,
  video: 50 * 1024 * 1024,
};

/** Accepted by the file pickers; the server decides by content anyway. */
export const ACCEPTED_TYPES = "image/jpeg,image/png,image/gif,image/webp,image/heic,image/heif,video/mp4,video/quicktime,video/webm";

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

const imageBrands = new Set(["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"]);

/** The type of a file from its first 16 bytes, or null when it is not an allowed photo or video. */
export function detectMediaType(head: Uint8Array): DetectedType | null {
  if (head.length < 12) return null;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: "image", mime: "image/jpeg", extension: "jpg" };
  if (ascii(head, 0, 8) === "\x89PNG\r\n\x1a\n") return { kind: "image", mime: "image/png", extension: "png" };
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return { kind: "image", mime: "image/gif", extension: "gif" };
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WEBP") return { kind: "image", mime: "image/webp", extension: "webp" };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { kind: "video", mime: "video/webm", extension: "webm" };
  if (ascii(head, 4, 4) === "ftyp") {
    const brand = ascii(head, 8, 4);
    if (imageBrands.has(brand)) return { kind: "image", mime: "image/heic", extension: "heic" };
    if (brand === "qt  ") return { kind: "video", mime: "video/quicktime", extension: "mov" };
    if (/^(isom|iso[2-6]|mp4[12]|avc1|M4V |MSNV|3gp[4-6]|dash)$/.test(brand)) return { kind: "video", mime: "video/mp4", extension: "mp4" };
  }
  return null;
}

export type MediaCheck = { ok: true; type: DetectedType } | { ok: false; reason: "type" | "size" | "empty" };

/** Type by content, then the size limit of that kind. */
export function checkMedia(head: Uint8Array, size: number): MediaCheck {
  if (size === 0) return { ok: false, reason: "empty" };
  const type = detectMediaType(head);
  if (!type) return { ok: false, reason: "type" };
  if (size > MAX_BYTES[type.kind]) return { ok: false, reason: "size" };
  return { ok: true, type };
}

export interface DetectedAudio {
  mime: string;
  extension: string;
}

/** A voice note: what MediaRecorder writes (WebM/Opus in Chromium and Firefox, MP4/AAC in Safari) or Ogg. */
export const MAX_AUDIO_BYTES = 10 * 1024 * 1024;
export const MAX_AUDIO_SECONDS = 5 * 60;

/** The audio container of a file from its first 16 bytes, or null. */
export function detectAudioType(head: Uint8Array): DetectedAudio | null {
  if (head.length < 12) return null;
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { mime: "audio/webm", extension: "webm" };
  if (ascii(head, 0, 4) === "OggS") return { mime: "audio/ogg", extension: "ogg" };
  if (ascii(head, 4, 4) === "ftyp" && /^(M4A |M4B |mp4[12]|isom|iso[2-6]|dash)$/.test(ascii(head, 8, 4))) {
    return { mime: "audio/mp4", extension: "m4a" };
  }
  return null;
}

export type AudioCheck = { ok: true; type: DetectedAudio } | { ok: false; reason: "type" | "size" | "duration" };

/**
 * Type by content, then the size and duration limits. The duration is the
 * recorder's word (containers from MediaRecorder often carry none); the size
 * limit bounds what a false one could store.
 */
export function checkAudio(head: Uint8Array, size: number, seconds: number): AudioCheck {
  const type = size > 0 ? detectAudioType(head) : null;
  if (!type) return { ok: false, reason: "type" };
  if (size > MAX_AUDIO_BYTES) return { ok: false, reason: "size" };
  if (!(seconds > 0 && seconds <= MAX_AUDIO_SECONDS)) return { ok: false, reason: "duration" };
  return { ok: true, type };
}
