import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/accounts/password";
import {
  authenticate,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  THROTTLE_WINDOW_MS,
} from "@/lib/accounts/sign-in";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
const PASSWORD = "Compresseur-GA37!";
const MINUTE = 60_000;

async function createUser(email: string, options: { active?: boolean } = {}) {
  return t.db.user.create({
    data: { email, name: email.split("@")[0]!, role: "technician", passwordHash: await hashPassword(PASSWORD), active: options.active ?? true },
  });
}

beforeAll(async () => {
});

/** The right password, once the throttle window that began at `start` is over. */
function signInAfterTheWindow(email: string, ip: string, start: number) {
  return authenticate(t.db, { email, password: PASSWORD, ip, now: new Date(start + THROTTLE_WINDOW_MS + 1) });
}

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

  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures in 15 minutes, then lets it in once they age out`, async () => {
    await createUser("lock@usine.test");
    const start = new Date("2026-11-23T15:00:00Z").getTime();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const r = await authenticate(t.db, { email: "lock@usine.test", password: "bad", ip: `10.1.0.${i}`, now: new Date(start + i * MINUTE) });
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await authenticate(t.db, {
      email: "lock@usine.test",
      password: PASSWORD,
      ip: "10.1.1.1",
      now: new Date(start + 5 * MINUTE),
    });
    // The first failure (at +0) leaves the window at +15 min: 10 minutes to wait.
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 10 });

    const later = await signInAfterTheWindow("lock@usine.test", "10.1.1.1", start);
    expect(later.ok).toBe(true);
  });

  it("does not let throttled attempts extend the lock", async () => {
    await createUser("patient@usine.test");
    const start = new Date("2026-11-23T16:00:00Z").getTime();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await authenticate(t.db, { email: "patient@usine.test", password: "bad", ip: "10.2.0.1", now: new Date(start) });
    }
    for (let i = 1; i <= 10; i++) {
      const r = await authenticate(t.db, { email: "patient@usine.test", password: "bad", ip: "10.2.0.1", now: new Date(start + i * MINUTE) });
      expect(r.ok === false && r.reason).toBe("throttled");
    }
    const after = await signInAfterTheWindow("patient@usine.test", "10.2.0.1", start);
    expect(after.ok).toBe(true);
  });

  it("a successful sign-in clears the account's earlier failures", async () => {
    await createUser("distrait@usine.test");
    const start = new Date("2026-11-23T17:00:00Z").getTime();
    const attempt = (password: string, minute: number) =>
      authenticate(t.db, { email: "distrait@usine.test", password, ip: "10.3.0.1", now: new Date(start + minute * MINUTE) });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await attempt("bad", i);
    expect((await attempt(PASSWORD, 4)).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await attempt("bad", 5 + i);
    expect((await attempt(PASSWORD, 9)).ok).toBe(true);
  });

  it(`throttles one client address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    await createUser("victime@usine.test");
    const now = new Date("2026-11-23T18:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await authenticate(t.db, { email: `essai${i}@usine.test`, password: "bad", ip: "203.0.113.9", now });
    }
    const fromAttacker = await authenticate(t.db, { email: "victime@usine.test", password: PASSWORD, ip: "203.0.113.9", now });
    expect(fromAttacker).toMatchObject({ ok: false, reason: "throttled" });
    const fromElsewhere = await authenticate(t.db, { email: "victime@usine.test", password: PASSWORD, ip: "198.51.100.4", now });
    expect(fromElsewhere.ok).toBe(true);
  });
});
