// How long a voice note of the old system lasts, read from its file: it never
// measured them, and Atelier shows a note's length (a browser's WebM recording
// states none, so its player cannot tell). The containers MediaRecorder writes:
// WebM (Chromium, Firefox), Ogg Opus (Firefox), MP4 (Safari). Null when the file
// does not say.

/** EBML variable-size integer at `at`: its value (marker bit removed, or kept for an id) and length; null past the end. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let ones = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    ones &&= bytes[at + i] === 0xff;
  }
  return { value, length, unknown: !keepMarker && ones };
}

function unsigned(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
  return value;
}

// The WebM elements read (Matroska ids, marker bits kept); the masters among them are entered, the rest skipped.
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const BLOCK_GROUP = 0xa0;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const CLUSTER_TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK = 0xa1;
const MASTERS = new Set([SEGMENT, INFO, CLUSTER, BLOCK_GROUP]);

/**
 * A WebM file's length: its Info's Duration when written, else the last block's time.
 * Read element by element without trusting the masters' sizes: MediaRecorder writes
 * "unknown" sizes for the segment and its clusters.
 */
function webmSeconds(bytes: Uint8Array): number | null {
  let scale = 1_000_000;
  let stated: number | null = null;
  let cluster = 0;
  let last = -1;
  for (let at = 0; at < bytes.length; ) {
    const id = vint(bytes, at, true);
    const size = id && vint(bytes, at + id.length, false);
    if (!id || !size) break;
    const body = at + id.length + size.length;
    if (MASTERS.has(id.value)) {
      at = body;
      continue;
    }
    if (size.unknown || body + size.value > bytes.length) break;
    if (id.value === TIMECODE_SCALE) scale = unsigned(bytes, body, size.value);
    else if (id.value === DURATION) {
      const view = new DataView(bytes.buffer, bytes.byteOffset + body, size.value);
      stated = size.value === 4 ? view.getFloat32(0) : size.value === 8 ? view.getFloat64(0) : null;
    } else if (id.value === CLUSTER_TIMECODE) cluster = unsigned(bytes, body, size.value);
    else if (id.value === SIMPLE_BLOCK || id.value === BLOCK) {
      const track = vint(bytes, body, false);
      if (track) {
        const relative = new DataView(bytes.buffer, bytes.byteOffset + body + track.length, 2).getInt16(0);
        last = Math.max(last, cluster + relative);
      }
    }
    at = body + size.value;
  }
  const units = stated ?? (last >= 0 ? last : null);
  return units === null ? null : (units * scale) / 1e9;
}

/** An Ogg Opus file's length: its last page's granule position, less the pre-skip, at 48 kHz. */
function oggSeconds(bytes: Uint8Array): number | null {
  const text = new TextDecoder("latin1").decode(bytes);
  const head = text.indexOf("OpusHead");
  const lastPage = text.lastIndexOf("OggS");
  if (head < 0 || lastPage < 0 || lastPage + 14 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const granule = Number(view.getBigInt64(lastPage + 6, true));
  const preSkip = view.getUint16(head + 10, true);
  return granule > 0 ? (granule - preSkip) / 48_000 : null;
}

/** An MP4 file's length: its movie header's duration over its time scale. */
function mp4Seconds(bytes: Uint8Array): number | null {
  const text = new TextDecoder("latin1").decode(bytes);
  const at = text.indexOf("mvhd");
  if (at < 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const version = bytes[at + 4];
  const [scale, duration] =
    version === 1 ? [view.getUint32(at + 24), Number(view.getBigUint64(at + 28))] : [view.getUint32(at + 16), view.getUint32(at + 20)];
  return scale > 0 ? duration / scale : null;
}

/** A voice note's length in whole seconds (at least 1), or null when its file does not say. */
export function audioSeconds(bytes: Uint8Array, type: string): number | null {
  let seconds: number | null = null;
  try {
    if (type === "audio/webm") seconds = webmSeconds(bytes);
    else if (type === "audio/ogg") seconds = oggSeconds(bytes);
    else if (type === "audio/mp4") seconds = mp4Seconds(bytes);
  } catch {
    // a file cut short: it does not say
  }
  return seconds !== null && Number.isFinite(seconds) && seconds > 0 ? Math.max(1, Math.round(seconds)) : null;
}
