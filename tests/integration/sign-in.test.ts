import { beforeEach, describe, expect, it, vi } from "vitest";
import * as password from "@/lib/accounts/password";
import {
  authenticate,
  delayMinutes,
  FREE_FAILURES,
  FREE_UNKNOWN_PER_ADDRESS,
  MAX_UNKNOWN_DELAY_SECONDS,
} from "@/lib/accounts/sign-in";
import * as accounts from "@/lib/accounts/users";
import { freshDatabase } from "./helpers/local-d1";
import { direct, refusal } from "./helpers/refusal";

// Counts the password verifications: which attempts reached the expensive check.
vi.mock("@/lib/accounts/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/accounts/password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const verifications = vi.mocked(password.verifyPassword);

const t = freshDatabase();
const PASSWORD = "Compresseur-GA37!";
const MINUTE = 60_000;
const changeOwnPassword = direct(accounts.changeOwnPassword);

async function createUser(email: string, options: { active?: boolean; role?: "operator" | "technician" } = {}) {
  return t.db.user.create({
    data: { email, name: email.split("@")[0]!, role: options.role ?? "technician", passwordHash: await password.hashPassword(PASSWORD), active: options.active ?? true },
  });
}

beforeEach(() => {
  verifications.mockClear();
});

describe("authenticate", () => {
  it("signs in with the right password, whatever the email's case, and records the sign-in time", async () => {
    await createUser("julie@usine.test");
    const now = new Date("2026-11-23T14:00:00Z");
    const result = await authenticate(t.db, { email: "  Julie@Usine.TEST ", password: PASSWORD, ip: "10.0.0.1", now });
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ email: "julie@usine.test", role: "technician" }) });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "julie@usine.test" } });
    expect(user.lastLoginAt?.toISOString()).toBe(now.toISOString());
  });

  it("refuses a wrong password and an unknown account with the same answer", async () => {
    await createUser("marc@usine.test");
    const now = new Date("2026-11-23T14:00:00Z");
    const wrong = await authenticate(t.db, { email: "marc@usine.test", password: "nope", ip: "10.0.0.2", now });
    const unknown = await authenticate(t.db, { email: "personne@usine.test", password: PASSWORD, ip: "10.0.0.2", now });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("verifies a password for an unknown email too (against a dummy hash), so it costs what a wrong password costs", async () => {
    const now = new Date("2026-11-23T14:00:00Z");
    await authenticate(t.db, { email: "inconnu@usine.test", password: PASSWORD, ip: "10.0.0.4", now });
    await authenticate(t.db, { email: "inconnu2@usine.test", password: PASSWORD, ip: "10.0.0.4", now });
    expect(verifications).toHaveBeenCalledTimes(2);
  });

  it("refuses a deactivated account even with the right password", async () => {
    await createUser("ancien@usine.test", { active: false });
    const result = await authenticate(t.db, {
      email: "ancien@usine.test",
      password: PASSWORD,
      ip: "10.0.0.3",
      now: new Date("2026-11-23T14:00:00Z"),
    });
    expect(result).toEqual({ ok: false, reason: "inactive" });
  });
});

describe("the per-account throttle", () => {
  it("counts 30 parallel wrong passwords as 30 attempts and verifies only the allowed ones", async () => {
    await createUser("parallele@usine.test");
    const now = new Date("2026-11-23T15:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authenticate(t.db, { email: "parallele@usine.test", password: `faux-${i}`, ip: `10.9.0.${i}`, now }),
      ),
    );
    const rows = await t.db.signInAttempt.findMany({ where: { email: "parallele@usine.test" } });
    expect(rows).toHaveLength(30);
    expect(rows.filter((row) => row.blockedUntil === null)).toHaveLength(FREE_FAILURES);
    expect(verifications).toHaveBeenCalledTimes(FREE_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(FREE_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - FREE_FAILURES);
  });

  it(`makes the account wait 1, 2, 4 minutes after ${FREE_FAILURES} failures in a row, and shows the wait`, async () => {
    await createUser("lent@usine.test");
    const start = new Date("2026-11-23T16:00:00Z").getTime();
    const attempt = (pass: string, ms: number) =>
      authenticate(t.db, { email: "lent@usine.test", password: pass, ip: "10.1.0.1", now: new Date(start + ms) });
    for (let i = 0; i < FREE_FAILURES; i++) expect(await attempt("bad", i * 1000)).toEqual({ ok: false, reason: "invalid" });
    const fifth = (FREE_FAILURES - 1) * 1000;

    expect(await attempt(PASSWORD, fifth + 30_000)).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 1 });
    const sixth = fifth + MINUTE + 1000;
    expect(await attempt("bad", sixth)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(PASSWORD, sixth + 10_000)).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 2 });
    const seventh = sixth + 2 * MINUTE + 1000;
    expect(await attempt("bad", seventh)).toEqual({ ok: false, reason: "invalid" });
    // Four minutes now; hammering meanwhile is refused and does not extend the wait.
    for (let s = 1; s <= 5; s++) expect(await attempt("bad", seventh + s * 30_000)).toMatchObject({ reason: "throttled" });
    expect(await attempt(PASSWORD, seventh + 4 * MINUTE + 1000)).toMatchObject({ ok: true });
  });

  it("doubles the wait up to a cap", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 40].map(delayMinutes)).toEqual([0, 1, 2, 4, 8, 16, 30, 30]);
  });

  it("a successful sign-in clears the account's earlier failures", async () => {
    await createUser("distrait@usine.test");
    const start = new Date("2026-11-23T17:00:00Z").getTime();
    const attempt = (pass: string, minute: number) =>
      authenticate(t.db, { email: "distrait@usine.test", password: pass, ip: "10.3.0.1", now: new Date(start + minute * MINUTE) });
    for (let i = 0; i < FREE_FAILURES - 1; i++) await attempt("bad", i);
    expect((await attempt(PASSWORD, 4)).ok).toBe(true);
    for (let i = 0; i < FREE_FAILURES - 1; i++) await attempt("bad", 5 + i);
    expect((await attempt(PASSWORD, 9)).ok).toBe(true);
  });
});

describe("one address for a whole plant (its NAT)", () => {
  it("does not lock a 21st account when one address failed on 20 others (a plant behind one NAT address)", async () => {
    await createUser("collegue@usine.test");
    const now = new Date("2026-11-23T18:00:00Z");
    for (let i = 0; i < 20; i++) {
      await authenticate(t.db, { email: `essai${i}@usine.test`, password: "bad", ip: "203.0.113.7", now });
    }
    const colleague = await authenticate(t.db, { email: "collegue@usine.test", password: PASSWORD, ip: "203.0.113.7", now });
    expect(colleague.ok).toBe(true);
  });

  it("200 failed sign-ins on unknown e-mails from one address in 16 s leave the operator there signing in with the right password (issue 21, item 4)", async () => {
    await createUser("operatrice@usine.test", { role: "operator" });
    const start = new Date("2026-11-23T19:00:00Z").getTime();
    // Sent as a script sends them: all at once, 80 ms apart on the clock.
    const flood = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        authenticate(t.db, { email: `inconnu${i}@ailleurs.test`, password: "bad", ip: "203.0.113.9", now: new Date(start + i * 80) }),
      ),
    );
    expect(flood.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(200);
    for (const seconds of [16, 60, 14 * 60]) {
      const operator = await authenticate(t.db, { email: "operatrice@usine.test", password: PASSWORD, ip: "203.0.113.9", now: new Date(start + seconds * 1000) });
      expect([seconds, operator]).toMatchObject([seconds, { ok: true }]);
    }
  });
});

describe("the guard of a busy address, for e-mails that match no account", () => {
  const flood = (ip: string, start: number, count: number, prefix = "x") =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        authenticate(t.db, { email: `${prefix}${i}@ailleurs.test`, password: "bad", ip, now: new Date(start + i * 80) }),
      ),
    );

  it(`checks the first ${FREE_UNKNOWN_PER_ADDRESS} of them and answers the others as a wrong password is answered, without checking`, async () => {
    const start = new Date("2026-11-24T08:00:00Z").getTime();
    const results = await flood("203.0.113.20", start, 200);
    expect(verifications).toHaveBeenCalledTimes(FREE_UNKNOWN_PER_ADDRESS);
    expect(results.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    const rows = await t.db.signInAttempt.findMany({ where: { ip: "203.0.113.20" } });
    expect(rows.filter((row) => row.unverified)).toHaveLength(200 - FREE_UNKNOWN_PER_ADDRESS);
    expect(rows.filter((row) => row.blockedUntil !== null)).toHaveLength(0);
  });

  it("a delay that grows with each further failure: one failure past the limit costs a second, the flood its 15 minutes", async () => {
    const ip = "203.0.113.21";
    const start = new Date("2026-11-24T09:00:00Z").getTime();
    const attempt = (email: string, ms: number) => authenticate(t.db, { email, password: "bad", ip, now: new Date(start + ms) });
    for (let i = 0; i < FREE_UNKNOWN_PER_ADDRESS; i++) await attempt(`court${i}@ailleurs.test`, i * 100);
    const last = (FREE_UNKNOWN_PER_ADDRESS - 1) * 100;
    verifications.mockClear();
    await attempt("court-a@ailleurs.test", last + 500);
    expect(verifications).not.toHaveBeenCalled();
    // 2^0 s after the 20th, then 2^1 s after the 21st.
    await attempt("court-b@ailleurs.test", last + 500 + 2100);
    expect(verifications).toHaveBeenCalledTimes(1);

    const flooded = new Date("2026-11-24T10:00:00Z").getTime();
    await flood("203.0.113.22", flooded, 200, "flot");
    const end = flooded + 199 * 80;
    verifications.mockClear();
    await authenticate(t.db, { email: "apres@ailleurs.test", password: "bad", ip: "203.0.113.22", now: new Date(end + 14 * MINUTE) });
    expect(verifications).not.toHaveBeenCalled();
    await authenticate(t.db, { email: "apres@ailleurs.test", password: "bad", ip: "203.0.113.22", now: new Date(end + 14 * MINUTE + MAX_UNKNOWN_DELAY_SECONDS * 1000 + 1000) });
    expect(verifications).toHaveBeenCalledTimes(1);
  });

  it("an e-mail answered without a check counts toward its own wait exactly as an account's does: the answers tell nothing", async () => {
    await createUser("connu@usine.test");
    const ip = "203.0.113.23";
    const start = new Date("2026-11-24T11:00:00Z").getTime();
    await flood(ip, start, 100);
    const at = (s: number) => new Date(start + 10_000 + s * 1000);
    const unknown = [];
    const known = [];
    for (let i = 0; i <= FREE_FAILURES; i++) {
      unknown.push(await authenticate(t.db, { email: "personne@ailleurs.test", password: "bad", ip, now: at(i) }));
      known.push(await authenticate(t.db, { email: "connu@usine.test", password: "bad", ip, now: at(i) }));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 1 });
  });

  it("keeps the per-account limit at a busy address: five wrong passwords, then the account waits", async () => {
    await createUser("patient@usine.test");
    const ip = "203.0.113.24";
    const start = new Date("2026-11-24T12:00:00Z").getTime();
    await flood(ip, start, 200);
    const at = (s: number) => new Date(start + 20_000 + s * 1000);
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(await authenticate(t.db, { email: "patient@usine.test", password: "bad", ip, now: at(i) })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(t.db, { email: "patient@usine.test", password: PASSWORD, ip, now: at(10) })).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 1 });
    expect(await authenticate(t.db, { email: "patient@usine.test", password: PASSWORD, ip, now: at(80) })).toMatchObject({ ok: true });
  });
});

describe("the profile's password change", () => {
  it("throttles the current-password check like a sign-in, with the wait in the message", async () => {
    const created = await createUser("profil@usine.test");
    const user = { id: created.id, role: "technician" as const };
    for (let i = 0; i < FREE_FAILURES; i++) {
      const refused = await refusal(changeOwnPassword(t.db, user, { current: `faux-${i}`, next: "nouveau-mot-2026" }, { clientAddress: "10.5.0.1" }));
      expect(refused.code).toBe("wrongPassword");
    }
    verifications.mockClear();
    const throttled = await refusal(changeOwnPassword(t.db, user, { current: PASSWORD, next: "nouveau-mot-2026" }, { clientAddress: "10.5.0.1" }));
    expect(throttled.code).toBe("passwordThrottled");
    expect(throttled.options.values).toEqual({ minutes: 1 });
    expect(verifications).not.toHaveBeenCalled();
    // And a sign-in of the same account waits too: one rule, one table.
    const signIn = await authenticate(t.db, { email: "profil@usine.test", password: PASSWORD, ip: "10.5.0.2", now: new Date() });
    expect(signIn).toMatchObject({ ok: false, reason: "throttled" });
  });
});
