// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256
// over `${id}.${timestamp}.${body}`, keyed with the base64 part of `whsec_...`.
import { fromBase64, toBase64 } from "../base64";

const PREFIX = "whsec_";

function secretBytes(secret: string): Uint8Array {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  const bytes = fromBase64(encoded);
  if (!bytes) throw new Error("The webhook secret is not valid base64.");
  return bytes;
}

/** A new signing secret: 32 random bytes, in the `whsec_<base64>` form receivers' libraries expect. */
export function generateWebhookSecret(): string {
  return PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

export function isWebhookSecret(value: string): boolean {
  if (!value.startsWith(PREFIX)) return false;
  try {
    const length = secretBytes(value).length;
    return length >= 24 && length <= 64;
  } catch {
    return false;
  }
}

/** The `webhook-signature` header value: `v1,<base64 HMAC-SHA256>`. */
export async function signWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    secretBytes(secret) as BufferSource,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** Shown once, then only this: enough to recognise which secret is in use. */
export function maskSecret(secret: string): string {
  return secret.length <= 12 ? "••••" : `${secret.slice(0, 8)}…${secret.slice(-4)}`;
}
