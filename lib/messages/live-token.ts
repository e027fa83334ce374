// The ticket that opens a live socket (worker.ts, /live): "<user id>.<session
// version>.<session id>.<expiry in ms>.<HMAC-SHA256 of the rest>", signed with
// AUTH_SECRET, valid one minute. The page asks for one through a read route (the
// session decides the user, and its version and id travel with it), and worker.ts
// checks it before the upgrade reaches the conversation hub, so the hub never sees
// an unauthenticated socket; the hub then checks that the session still stands
// (lib/messages/live-gate.ts), and closes the socket when it ends.
export const LIVE_TOKEN_TTL_MS = 60_000;

/** The session a live socket belongs to (lib/accounts/sessions.ts: "uid", "sv", "sid"). */
export interface LiveSession {
  userId: number;
  version: number;
  sessionId: string;
}

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

export async function issueLiveToken(session: LiveSession, secret: string, now = Date.now()): Promise<string> {
  const payload = `${session.userId}.${session.version}.${session.sessionId}.${now + LIVE_TOKEN_TTL_MS}`;
  return `${payload}.${base64url(await crypto.subtle.sign("HMAC", await key(secret), encoder.encode(payload)))}`;
}

/** The session a token was signed for, or null when it is malformed, forged or expired. */
export async function verifyLiveToken(token: string, secret: string, now = Date.now()): Promise<LiveSession | null> {
  const match = /^(([1-9]\d{0,9})\.(\d{1,10})\.([0-9a-f-]{36})\.(\d{13}))\.([\w-]{43})$/.exec(token);
  const signature = match && fromBase64url(match[6]!);
  if (!match || !signature) return null;
  // verify() compares in constant time.
  const valid = await crypto.subtle.verify("HMAC", await key(secret), signature, encoder.encode(match[1]!));
  if (!valid || Number(match[5]) < now) return null;
  return { userId: Number(match[2]), version: Number(match[3]), sessionId: match[4]! };
}
