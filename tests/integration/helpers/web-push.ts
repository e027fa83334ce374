// The browser's and the push service's side of Web Push, for tests: a
// subscription's keys generated here, the RFC 8291 decryption a browser does,
// the VAPID check a push service does (RFC 8292), and a real local HTTP server
// standing for the push service.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

const subtle = globalThis.crypto.subtle;
export const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
export const unb64u = (text: string) => new Uint8Array(Buffer.from(text, "base64url"));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function hmac(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await subtle.importKey("raw", new Uint8Array(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", k, new Uint8Array(data)));
}
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
/** HKDF-Expand for one block (every length here is at most 32). */
const expand = async (prk: Uint8Array, info: Uint8Array, length: number) => (await hmac(prk, concat(info, Uint8Array.of(1)))).slice(0, length);

export interface SubscriptionKeys {
  privateKey: CryptoKey;
  /** The uncompressed public point, 65 bytes. */
  publicKey: Uint8Array;
  authSecret: Uint8Array;
  p256dh: string;
  auth: string;
}

/** What a browser makes when it subscribes: an ECDH P-256 pair and a 16-byte secret. */
export async function newSubscriptionKeys(): Promise<SubscriptionKeys> {
  const pair = (await subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await subtle.exportKey("raw", pair.publicKey));
  const authSecret = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return { privateKey: pair.privateKey, publicKey, authSecret, p256dh: b64u(publicKey), auth: b64u(authSecret) };
}

/** A receiver's private key given as RFC 8291's example gives it (the scalar d, base64url) with its public point. */
export async function importReceiverKey(d: string, publicKey: Uint8Array): Promise<CryptoKey> {
  const jwk = { kty: "EC", crv: "P-256", d, x: b64u(publicKey.slice(1, 33)), y: b64u(publicKey.slice(33, 65)) };
  return subtle.importKey("jwk", jwk, { name: "ECDH", namedCurve: "P-256" }, false, ["deriveBits"]);
}

/** RFC 8291 §3-4 decryption of an aes128gcm body (RFC 8188, one record), as the browser does it. */
export async function decryptPush(body: Uint8Array, keys: Pick<SubscriptionKeys, "privateKey" | "publicKey" | "authSecret">): Promise<{ text: string; recordSize: number }> {
  const salt = body.slice(0, 16);
  const recordSize = new DataView(body.buffer, body.byteOffset + 16, 4).getUint32(0);
  const idLength = body[20]!;
  const senderPublic = body.slice(21, 21 + idLength);
  const ciphertext = body.slice(21 + idLength);
  const sender = await subtle.importKey("raw", senderPublic, { name: "ECDH", namedCurve: "P-256" }, false, []);
  const ecdhSecret = new Uint8Array(await subtle.deriveBits({ name: "ECDH", public: sender }, keys.privateKey, 256));
  const prkKey = await hmac(keys.authSecret, ecdhSecret);
  const ikm = await expand(prkKey, concat(utf8("WebPush: info\0"), keys.publicKey, senderPublic), 32);
  const prk = await hmac(salt, ikm);
  const cek = await expand(prk, utf8("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await expand(prk, utf8("Content-Encoding: nonce\0"), 12);
  const key = await subtle.importKey("raw", cek, "AES-GCM", false, ["decrypt"]);
  const padded = new Uint8Array(await subtle.decrypt({ name: "AES-GCM", iv: nonce }, key, ciphertext));
  // The last record ends with 0x02, then zeros of padding (RFC 8188 §2).
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("not the last record's delimiter");
  return { text: new TextDecoder().decode(padded.slice(0, end)), recordSize };
}

/**
 * A push service's check of `Authorization: vapid t=<JWT>, k=<key>` (RFC 8292):
 * an ES256 signature by that key, returned with the claims.
 */
export async function verifyVapid(authorization: string | undefined): Promise<{ claims: { aud: string; exp: number; sub: string }; key: string; valid: boolean }> {
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(authorization ?? "");
  if (!match) throw new Error(`not a VAPID authorization: ${authorization}`);
  const [token, key] = [match[1]!, match[2]!.trim()];
  const [header, payload, signature] = token.split(".");
  const point = unb64u(key);
  const publicKey = await subtle.importKey("raw", point, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
  const valid = await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, unb64u(signature!), utf8(`${header}.${payload}`));
  return { claims: JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")), key, valid };
}

export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
  at: number;
}

/** What the push service answers: a status, or a redirect to `location`. */
export type PushAnswer = number | { status: number; location: string };

/** A real HTTP server on 127.0.0.1 acting as the push service; `respond` picks each answer (201 by default). */
export async function startPushService(respond: (path: string, count: number) => PushAnswer = () => 201) {
  const requests: ReceivedPush[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      requests.push({ path, headers: req.headers, body: new Uint8Array(Buffer.concat(chunks)), at: Date.now() });
      const answer = respond(path, requests.filter((r) => r.path === path).length);
      if (typeof answer === "number") res.statusCode = answer;
      else res.writeHead(answer.status, { location: answer.location });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    origin: `https://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
