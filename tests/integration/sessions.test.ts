import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/accounts/password";
import {
  isSessionCurrent,
  newSessionId,
  pruneRevokedSessions,
  signOutEverywhere,
  signOutThisDevice,
} from "@/lib/accounts/sessions";
import { authenticate } from "@/lib/accounts/sign-in";
import * as accounts from "@/lib/accounts/users";
import type { Who } from "@/lib/permissions";
import { freshDatabase } from "./helpers/local-d1";
import { direct } from "./helpers/refusal";

const updateUser = direct(accounts.updateUser);
const resetUserPassword = direct(accounts.resetUserPassword);
const setUserActive = direct(accounts.setUserActive);
const changeOwnPassword = direct(accounts.changeOwnPassword);
const updateProfile = direct(accounts.updateProfile);
const endSessions = direct(signOutEverywhere);
const signOut = direct(signOutThisDevice);

const PASSWORD = "ancien-mot-de-passe";
const t = freshDatabase();
let counter = 0;
let admin: Who;

async function insertUser(role: Who["role"] = "technician") {
  counter++;
  const user = await t.db.user.create({
    data: { email: `s${counter}@u.test`, name: `Session ${counter}`, role, passwordHash: await hashPassword(PASSWORD) },
  });
  return { id: user.id, role, email: user.email, name: user.name };
}

/** What a sign-in puts in the session's JWT (lib/accounts/auth.ts' jwt callback). */
async function signIn(email: string, password = PASSWORD) {
  const result = await authenticate(t.db, { email, password, ip: `10.0.0.${counter}`, now: new Date() });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return { uid: String(result.user.id), sv: result.user.sessionVersion, sid: newSessionId() };
}

beforeAll(async () => {
  admin = await insertUser("admin");
});

describe("a plain sign-out ends the session of that device only", () => {
  it("refuses the signed-out session's claims and keeps the user's other session", async () => {
    const user = await insertUser();
    const tablet = await signIn(user.email);
    const phone = await signIn(user.email);
    await signOut(t.db, user, {}, { sessionId: tablet.sid });
    expect(await isSessionCurrent(t.db, tablet)).toBe(false);
    expect(await isSessionCurrent(t.db, phone)).toBe(true);
    // Refreshed tokens keep the sid (Auth.js changes only the jti): still refused.
    expect(await isSessionCurrent(t.db, { ...tablet })).toBe(false);
  });

  it("is refused without a session id, so a request cannot sign out nothing and believe it did", async () => {
    const user = await insertUser();
    const error = await signOut(t.db, user, {}).catch((e: { code?: string }) => e.code);
    expect(error).toBe("signedOut");
  });

  it("forgets a revoked id once its session would have expired anyway, and not before", async () => {
    const user = await insertUser();
    const session = await signIn(user.email);
    const at = new Date("2030-01-01T08:00:00.000Z");
    await signOut(t.db, user, {}, { sessionId: session.sid, now: at });
    const kept = () => t.db.revokedSession.count({ where: { id: session.sid } });
    await pruneRevokedSessions(t.db, new Date(at.getTime() + 12 * 60 * 60 * 1000));
    expect(await kept()).toBe(1);
    expect(await pruneRevokedSessions(t.db, new Date(at.getTime() + 13 * 60 * 60 * 1000))).toBeGreaterThan(0);
    expect(await kept()).toBe(0);
  });
});

describe("a replayed session cookie stops working once the session version moves", () => {
  it("after Se déconnecter de tous les appareils", async () => {
    const user = await insertUser();
    const phone = await signIn(user.email);
    const desk = await signIn(user.email);
    expect(await isSessionCurrent(t.db, phone)).toBe(true);
    await endSessions(t.db, user, {});
    expect(await isSessionCurrent(t.db, phone)).toBe(false);
    expect(await isSessionCurrent(t.db, desk)).toBe(false);
    expect(await isSessionCurrent(t.db, await signIn(user.email))).toBe(true);
  });

  it("after the user changes their password on another device", async () => {
    const user = await insertUser();
    const other = await signIn(user.email);
    await changeOwnPassword(t.db, user, { current: PASSWORD, next: "nouveau-mot-2026" });
    expect(await isSessionCurrent(t.db, other)).toBe(false);
    expect(await isSessionCurrent(t.db, await signIn(user.email, "nouveau-mot-2026"))).toBe(true);
  });

  it("after an admin resets the password", async () => {
    const user = await insertUser();
    const session = await signIn(user.email);
    await resetUserPassword(t.db, admin, { id: user.id, password: "temporaire-2026-x" });
    expect(await isSessionCurrent(t.db, session)).toBe(false);
  });

  it("after deactivation, and reactivation does not revive it", async () => {
    const user = await insertUser();
    const session = await signIn(user.email);
    await setUserActive(t.db, admin, { id: user.id, active: false });
    expect(await isSessionCurrent(t.db, session)).toBe(false);
    await setUserActive(t.db, admin, { id: user.id, active: true });
    expect(await isSessionCurrent(t.db, session)).toBe(false);
  });

  it("after a role change, but not after a change of name or email", async () => {
    const user = await insertUser("technician");
    const session = await signIn(user.email);
    await updateUser(t.db, admin, { id: user.id, name: "Nouveau Nom", email: user.email, role: "technician" });
    await updateProfile(t.db, user, { name: "Autre Nom" });
    expect(await isSessionCurrent(t.db, session)).toBe(true);
    await updateUser(t.db, admin, { id: user.id, name: "Nouveau Nom", email: user.email, role: "operator" });
    expect(await isSessionCurrent(t.db, session)).toBe(false);
  });

  it("refuses a token without a version or a session id (signed before they existed) or for an unknown user", async () => {
    const user = await insertUser();
    expect(await isSessionCurrent(t.db, { uid: String(user.id), sid: newSessionId() })).toBe(false);
    expect(await isSessionCurrent(t.db, { uid: String(user.id), sv: 0 })).toBe(false);
    expect(await isSessionCurrent(t.db, { uid: "999999", sv: 0, sid: newSessionId() })).toBe(false);
  });
});
