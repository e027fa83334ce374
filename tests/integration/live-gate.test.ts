// Who may hold a live socket (lib/messages/live-gate.ts): the token, checked by
// worker.ts before the upgrade, and the session it names, which the hub checks
// when the socket connects and again when a session of the user ends. Against the
// real local D1: the socket's rule is the request's rule, whichever way a session ends.
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/accounts/password";
import { isSessionCurrent, newSessionId, signOutEverywhere, signOutThisDevice } from "@/lib/accounts/sessions";
import { authenticate } from "@/lib/accounts/sign-in";
import { changeOwnPassword, resetUserPassword, setUserActive, updatePresenceVisibility, updateUser } from "@/lib/accounts/users";
import { admitLiveSocket, readUserSessions, sessionStands } from "@/lib/messages/live-gate";
import { issueLiveToken, LIVE_TOKEN_TTL_MS, type LiveSession } from "@/lib/messages/live-token";
import type { Who } from "@/lib/permissions";
import { freshDatabase } from "./helpers/local-d1";
import { direct } from "./helpers/refusal";

const t = freshDatabase();
const SECRET = "a-secret-for-live-tokens-only-in-this-test";
const PASSWORD = "ancien-mot-de-passe";
let admin: Who;
let counter = 0;

async function insertUser(role: Who["role"] = "technician"): Promise<Who & { email: string; name: string }> {
  counter++;
  const user = await t.db.user.create({
    data: { email: `live${counter}@u.test`, name: `Direct ${counter}`, role, passwordHash: await hashPassword(PASSWORD) },
  });
  return { id: user.id, role, email: user.email, name: user.name };
}

/** A sign-in, as the JWT and the live token carry it. */
async function signIn(email: string): Promise<LiveSession> {
  const result = await authenticate(t.db, { email, password: PASSWORD, ip: `10.1.0.${counter}`, now: new Date() });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return { userId: result.user.id, version: result.user.sessionVersion, sessionId: newSessionId() };
}

function upgrade(token?: string) {
  const url = new URL("http://localhost/live");
  if (token !== undefined) url.searchParams.set("token", token);
  return new Request(url, { headers: { upgrade: "websocket" } });
}

beforeAll(async () => {
  admin = await insertUser("admin");
});

describe("a live socket's token", () => {
  it("admits the session it was signed for, fresh", async () => {
    const session = { userId: 7, version: 2, sessionId: newSessionId() };
    expect(await admitLiveSocket(upgrade(await issueLiveToken(session, SECRET)), SECRET)).toEqual({ ok: true, session });
  });

  it("is refused (401) when absent, empty, expired or tampered, and (426) without a WebSocket upgrade", async () => {
    const session = { userId: 7, version: 2, sessionId: newSessionId() };
    const token = await issueLiveToken(session, SECRET);
    expect(await admitLiveSocket(upgrade(), SECRET)).toEqual({ ok: false, status: 401 });
    expect(await admitLiveSocket(upgrade(""), SECRET)).toEqual({ ok: false, status: 401 });
    expect(await admitLiveSocket(upgrade(await issueLiveToken(session, SECRET, Date.now() - LIVE_TOKEN_TTL_MS - 1_000)), SECRET)).toEqual({ ok: false, status: 401 });
    // An older session version is a signature that no longer matches, as is a later expiry.
    expect(await admitLiveSocket(upgrade(token.replace(/^7\.2\./, "7.1.")), SECRET)).toEqual({ ok: false, status: 401 });
    expect(await admitLiveSocket(upgrade(await issueLiveToken(session, "another-secret")), SECRET)).toEqual({ ok: false, status: 401 });
    expect(await admitLiveSocket(new Request(`http://localhost/live?token=${token}`), SECRET)).toEqual({ ok: false, status: 426 });
  });
});

/** The socket's answer and the request's answer for the same session: they must agree. */
async function stands(session: LiveSession) {
  const socket = sessionStands(await readUserSessions(t.d1, session.userId, [session.sessionId]), session);
  const request = await isSessionCurrent(t.db, { uid: String(session.userId), sv: session.version, sid: session.sessionId });
  expect(socket).toBe(request);
  return socket;
}

describe("a live socket's session stands exactly as long as the same session opens pages", () => {
  // Each acts from the desk or on the user; the phone's session survives only a sign-out of the desk alone.
  const ways: [string, (user: Who & { email: string }, desk: LiveSession) => Promise<unknown>, boolean][] = [
    ["a sign-out on the desk", (user, desk) => direct(signOutThisDevice)(t.db, user, {}, { sessionId: desk.sessionId }), true],
    ["Se déconnecter de tous les appareils on the desk", (user, desk) => direct(signOutEverywhere)(t.db, user, {}, { sessionId: desk.sessionId }), false],
    ["a password change on the desk", (user, desk) => direct(changeOwnPassword)(t.db, user, { current: PASSWORD, next: "nouveau-mot-2026" }, { sessionId: desk.sessionId }), false],
    ["an admin's reset", (user) => direct(resetUserPassword)(t.db, admin, { id: user.id, password: "temporaire-2026-x" }), false],
    ["an admin's change of role", (user) => direct(updateUser)(t.db, admin, { id: user.id, name: `Promu ${user.id}`, email: user.email, role: "supervisor" }), false],
    ["deactivation", (user) => direct(setUserActive)(t.db, admin, { id: user.id, active: false }), false],
  ];

  for (const [way, end, phoneStands] of ways) {
    it(`ends with ${way}${phoneStands ? ", for that session only" : ", on every device"}`, async () => {
      const user = await insertUser();
      const [phone, desk] = [await signIn(user.email), await signIn(user.email)];
      expect([await stands(phone), await stands(desk)]).toEqual([true, true]);
      await end(user, desk);
      expect([await stands(phone), await stands(desk)]).toEqual([phoneStands, false]);
    });
  }

  it("goes on through a change of name or email, and reads several sessions of a user in one query", async () => {
    const user = await insertUser();
    const [phone, desk] = [await signIn(user.email), await signIn(user.email)];
    await direct(updateUser)(t.db, admin, { id: user.id, name: "Nom Changé", email: `change.${user.email}`, role: "technician" });
    await direct(signOutThisDevice)(t.db, user, {}, { sessionId: desk.sessionId });
    const sessions = await readUserSessions(t.d1, user.id, [phone.sessionId, desk.sessionId, newSessionId()]);
    expect(sessions).toEqual({ version: phone.version, revoked: new Set([desk.sessionId]), hidden: false, guest: false, expiresAt: null });
    expect([sessionStands(sessions, phone), sessionStands(sessions, desk)]).toEqual([true, false]);
  });

  it("says whether the person hides their presence, as their profile last said: a socket admitted after the change never shows them", async () => {
    const user = await insertUser();
    const session = await signIn(user.email);
    const hidden = async () => (await readUserSessions(t.d1, user.id, [session.sessionId]))?.hidden;
    expect(await hidden()).toBe(false);
    // The profile's checkbox, ticked then unticked (an unticked box sends nothing).
    await direct(updatePresenceVisibility)(t.db, user, { hidden: "on" });
    expect(await hidden()).toBe(true);
    expect(await stands(session)).toBe(true);
    await direct(updatePresenceVisibility)(t.db, user, {});
    expect(await hidden()).toBe(false);
  });

  it("is none for an account that does not exist", async () => {
    expect(await readUserSessions(t.d1, 999_999, [newSessionId()])).toBeNull();
  });
});
