// The ticket that opens a live socket (worker.ts, /live): "<user id>.<expiry in
// ms>.<HMAC-SHA256 of both>", signed with AUTH_SECRET, valid one minute. The
// page asks for one through a server action (the session decides the user), and
// worker.ts checks it before the upgrade reaches the conversation hub, so the
// hub never sees an unauthenticated socket.
export const LIVE_TOKEN_TTL_MS = 60_000;

const encoder = new TextEncoder();

async function key(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

function base64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export async function issueLiveToken(userId: number, secret: string, now = Date.now()): Promise<string> {
  const payload = `${userId}.${now + LIVE_TOKEN_TTL_MS}`;
  return `${payload}.${base64url(await crypto.subtle.sign("HMAC", await key(secret), encoder.encode(payload)))}`;
}

/** The user id a token was signed for, or null when it is malformed, forged or expired. */
export async function verifyLiveToken(token: string, secret: string, now = Date.now()): Promise<number | null> {
  const match = /^([1-9]\d{0,9})\.(\d{13})\.([\w-]{43})$/.exec(token);
  const signature = match && fromBase64url(match[3]!);
  if (!match || !signature) return null;
  // verify() compares in constant time.
  const valid = await crypto.subtle.verify("HMAC", await key(secret), signature, encoder.encode(`${match[1]}.${match[2]}`));
  if (!valid || Number(match[2]) < now) return null;
  return Number(match[1]);
}
