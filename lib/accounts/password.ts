// PBKDF2-SHA256 through Web Crypto: native bcrypt/argon2 do not run on Workers,
// and workerd refuses more than 100,000 iterations.
//
// Two more forms are accepted, for the accounts brought over from the system
// Atelier replaces (lib/legacy/), until their first sign-in replaces them with
// Atelier's own (needsRehash; lib/accounts/sign-in.ts):
// - `v2:<salt hex>:<hash hex>`, that system's own: PBKDF2-SHA256, 100,000
//   iterations, a 16-byte salt, a 32-byte key; the same derivation as Atelier's,
//   written in hex;
// - `pbkdf2_sha256_of_sha256_hex$<iterations>$<salt b64>$<hash b64>`: its older
//   unsalted SHA-256 hashes, wrapped at import (wrapLegacySha256) so that no weak
//   hash is ever stored: PBKDF2-SHA256 whose password is the 64 lowercase hex
//   characters of SHA-256(password), the very text the old system kept. The hex
//   text, not its 32 bytes: a PBKDF2 password is text here like everywhere else.
import { fromBase64, toBase64 } from "../base64";

const ITERATIONS = 100_000;
const SALT_BYTES = 16;
const KEY_BITS = 256;
const PREFIX = "pbkdf2_sha256";
const WRAPPED_PREFIX = "pbkdf2_sha256_of_sha256_hex";
const LEGACY_V2 = /^v2:((?:[0-9a-f]{2}){16}):((?:[0-9a-f]{2}){32})$/i;
const SHA256_HEX = /^[0-9a-f]{64}$/i;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    KEY_BITS,
  );
  return new Uint8Array(bits);
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function saltedHash(prefix: string, password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, ITERATIONS);
  return [prefix, ITERATIONS, toBase64(salt), toBase64(hash)].join("$");
}

/** Hash as `pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>`. */
export function hashPassword(password: string): Promise<string> {
  return saltedHash(PREFIX, password);
}

/** The old system's unsalted SHA-256 hex hash, wrapped in PBKDF2 (see above); null when `hex` is not one. */
export async function wrapLegacySha256(hex: string): Promise<string | null> {
  return SHA256_HEX.test(hex) ? saltedHash(WRAPPED_PREFIX, hex.toLowerCase()) : null;
}

/** A stored hash the old system wrote (`v2:`), or one wrapped at import. */
export function isLegacyV2Hash(stored: string): boolean {
  return LEGACY_V2.test(stored);
}

/** A hash that is not Atelier's own: the first successful sign-in replaces it. */
export function needsRehash(stored: string): boolean {
  return isLegacyV2Hash(stored) || stored.startsWith(`${WRAPPED_PREFIX}$`);
}

interface Check {
  /** What PBKDF2 derives from: the password, or its SHA-256 hex for a wrapped hash. */
  input: (password: string) => Promise<string> | string;
  salt: Uint8Array;
  iterations: number;
  expected: Uint8Array;
}

/** How to check a stored hash, or null when it is none of the accepted forms. */
function parseStored(stored: string): Check | null {
  const v2 = LEGACY_V2.exec(stored);
  if (v2) return { input: (p) => p, salt: fromHex(v2[1]!), iterations: ITERATIONS, expected: fromHex(v2[2]!) };
  const [prefix, iterText, saltText, hashText, ...rest] = stored.split("$");
  const iterations = Number(iterText);
  if ((prefix !== PREFIX && prefix !== WRAPPED_PREFIX) || rest.length || !saltText || !hashText || !Number.isInteger(iterations)) return null;
  if (iterations < 1 || iterations > ITERATIONS) return null;
  const expected = fromBase64(hashText);
  const salt = fromBase64(saltText);
  if (!expected || !salt) return null;
  return { input: prefix === WRAPPED_PREFIX ? sha256Hex : (p) => p, salt, iterations, expected };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const check = parseStored(stored);
  if (!check) return false;
  const actual = await derive(await check.input(password), check.salt, check.iterations);
  if (actual.length !== check.expected.length) return false;
  // Constant-time comparison: no early exit on the first differing byte.
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ check.expected[i]!;
  return diff === 0;
}
