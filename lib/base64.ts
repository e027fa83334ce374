// Base64 for Web Crypto's bytes (password hashes, webhook secrets and signatures):
// workerd has btoa/atob, which speak "binary strings", not Uint8Array.

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
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
