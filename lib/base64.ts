// Base64 for Web Crypto's bytes (password hashes, webhook secrets and signatures)
// and a voice note's audio for the speech-to-text model:
// workerd has btoa/atob, which speak "binary strings", not Uint8Array.

export function toBase64(bytes: Uint8Array): string {
  // By chunks: a voice note (lib/voice/transcribe.ts) is hundreds of kilobytes, and
  // one character at a time costs a string per byte.
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The bytes, or null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  let s: string;
  try {
    s = atob(text);
  } catch {
    return null;
  }
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
