import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword, wrapLegacySha256 } from "./password";

describe("password hashes", () => {
  it("verify the password they were made from", async () => {
    const hash = await hashPassword("Presse-hydraulique-42");
    expect(hash).toMatch(/^pbkdf2_sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword("Presse-hydraulique-42", hash)).resolves.toBe(true);
  });

  it("refuse any other password", async () => {
    const hash = await hashPassword("Presse-hydraulique-42");
    await expect(verifyPassword("presse-hydraulique-42", hash)).resolves.toBe(false);
    await expect(verifyPassword("", hash)).resolves.toBe(false);
  });

  it("salt every hash, so equal passwords do not give equal hashes", async () => {
    const [a, b] = await Promise.all([hashPassword("même"), hashPassword("même")]);
    expect(a).not.toBe(b);
  });

  it("refuse malformed or tampered hashes instead of throwing", async () => {
    const hash = await hashPassword("secret-atelier");
    const [prefix, iterations, salt, digest] = hash.split("$");
    await expect(verifyPassword("secret-atelier", "")).resolves.toBe(false);
    await expect(verifyPassword("secret-atelier", `md5$${iterations}$${salt}$${digest}`)).resolves.toBe(false);
    await expect(verifyPassword("secret-atelier", `${prefix}$1000000$${salt}$${digest}`)).resolves.toBe(false);
    await expect(verifyPassword("secret-atelier", `${prefix}$${iterations}$${salt}$${digest!.slice(2)}`)).resolves.toBe(false);
  });

  it("are Atelier's own: nothing to replace at sign-in", async () => {
    expect(needsRehash(await hashPassword("Presse-hydraulique-42"))).toBe(false);
  });
});

// Hashes of the system Atelier replaces (lib/legacy/), from its sample export.
describe("the old system's password hashes", () => {
  const v2 = "v2:d159cac8cecf26e4f3ebf1da515e47c9:64f674d16b60a7517d4504d7c26ff398a2a5aa8a3546cf0c4128b856aed8f698";
  const sha256 = "5f9d4306f7794378552264ac4f9a9ca061a30622707bf2a95a88ebc5eb42b9be";

  it("verify a v2 hash (PBKDF2-SHA256 in hex) with its password only, and ask for it to be replaced", async () => {
    await expect(verifyPassword("Atelier-Admin-2026", v2)).resolves.toBe(true);
    await expect(verifyPassword("atelier-admin-2026", v2)).resolves.toBe(false);
    expect(needsRehash(v2)).toBe(true);
  });

  it("wrap an unsalted SHA-256 hash in PBKDF2: the old password verifies, the weak hash is not stored", async () => {
    const wrapped = (await wrapLegacySha256(sha256))!;
    expect(wrapped).toMatch(/^pbkdf2_sha256_of_sha256_hex\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(wrapped).not.toContain(sha256);
    await expect(verifyPassword("Ancien-Mot-2020", wrapped)).resolves.toBe(true);
    await expect(verifyPassword("Ancien-Mot-2021", wrapped)).resolves.toBe(false);
    // The SHA-256 itself is no password: knowing the old hash does not sign anyone in.
    await expect(verifyPassword(sha256, wrapped)).resolves.toBe(false);
    expect(needsRehash(wrapped)).toBe(true);
  });

  it("wrap upper-case hex the same, and refuse to wrap what is not a SHA-256 hex hash", async () => {
    await expect(verifyPassword("Ancien-Mot-2020", (await wrapLegacySha256(sha256.toUpperCase()))!)).resolves.toBe(true);
    await expect(wrapLegacySha256("SYSTEM_USER_NO_LOGIN")).resolves.toBeNull();
    await expect(wrapLegacySha256(sha256.slice(1))).resolves.toBeNull();
  });

  it("refuse malformed v2 hashes instead of throwing", async () => {
    await expect(verifyPassword("Atelier-Admin-2026", v2.slice(0, -2))).resolves.toBe(false);
    await expect(verifyPassword("Atelier-Admin-2026", v2.replace("v2:", "v3:"))).resolves.toBe(false);
    await expect(verifyPassword("Atelier-Admin-2026", `${v2}:00`)).resolves.toBe(false);
    await expect(verifyPassword("Atelier-Admin-2026", "SYSTEM_USER_NO_LOGIN")).resolves.toBe(false);
    await expect(verifyPassword("Ancien-Mot-2020", sha256)).resolves.toBe(false);
  });
});
