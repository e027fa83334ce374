// A shop screen's secret: 32 random bytes in base64url, the last part of its link
// (/tv/<secret>). D1 keeps only its SHA-256 (tv_links.secret_hash), so a copy of
// the database opens no screen. No Prisma here: worker.ts hashes the secret of a
// screen's live socket before the hub sees it.

const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function newScreenSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Whether a text can be a secret at all: anything else is no screen, without a query. */
export function isScreenSecret(text: unknown): text is string {
  return typeof text === "string" && SECRET.test(text);
}

/** The hash D1 keeps, in hex. */
export async function screenSecretHash(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
