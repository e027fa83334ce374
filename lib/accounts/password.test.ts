import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

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
});
