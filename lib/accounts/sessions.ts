// Sessions are stateless JWTs (Auth.js), so ending one needs a fact the server
// keeps. Every token carries two claims set at sign-in (lib/accounts/auth.ts):
// - "sv", the user's session version when it was signed: raising the version
//   ends every session the user has, everywhere (password change or reset,
//   deactivation, role change, "Se déconnecter de tous les appareils");
// - "sid", a random id of this one session, kept across the token's refreshes
//   (Auth.js changes the jti at each re-encode): a plain sign-out records it in
//   revoked_sessions and ends only that device's session.
// The jwt callback, which /api/auth/session runs too, checks both on every
// request in one query (readSession). Every end of a session, here and in
// users.ts (where the version rises inside the audited change), is followed by
// closeEndedSessions() (lib/messages/live.ts): the user's open live sockets are
// checked against the same rule and those of ended sessions close.
import { z } from "zod";
import { sql, sqlDate, type Statement } from "../db/sql";
import { type Db } from "../db/client";
import { defineOperation, refuse } from "../operation";
import { closeEndedSessions } from "../messages/live";
import { isCurrent, type SessionClaims, type SessionState } from "./session-state";

/** How long a session lives without a request (Auth.js' maxAge, in seconds). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// A revoked id must outlive every token that carries it: the last one was
// signed at the latest when it was revoked, and Auth.js accepts a token up to
// 15 s past its expiry. A minute covers that and the clocks of two isolates.
const REVOCATION_MARGIN_MS = 60_000;

/** A new session's id: random, unguessable, the same for the whole life of the session. */
export function newSessionId(): string {
  return crypto.randomUUID();
}

/** The one read behind every request: the user's version and whether this session was revoked, or null when the account may have no session at all. */
export async function readSession(db: Db, claims: SessionClaims): Promise<SessionState | null> {
  const id = Number(claims.uid);
  if (!Number.isInteger(id) || id <= 0 || typeof claims.sid !== "string") return null;
  const rows = await db.$queryRaw<{ version: number; active: number; revoked: number; expires_at: string | null }[]>`
    SELECT session_version AS version, active, expires_at,
      EXISTS (SELECT 1 FROM revoked_sessions WHERE id = ${claims.sid}) AS revoked
    FROM users WHERE id = ${id}`;
  const row = rows[0];
  if (!row || Number(row.active) !== 1) return null;
  return { version: Number(row.version), revoked: Number(row.revoked) === 1, expiresAt: row.expires_at ? new Date(row.expires_at).getTime() : null };
}

/** Whether a token's claims still open a session, read from the database. */
export async function isSessionCurrent(db: Db, claims: SessionClaims): Promise<boolean> {
  return isCurrent(await readSession(db, claims), claims);
}

/**
 * Every session of the user signed before now stops working at its next request,
 * and its open live sockets close at once. `by`: the session that asked.
 */
export async function endSessions(db: Db, userId: number, by?: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await closeEndedSessions(userId, by);
}

/** This one session stops working at its next request, and its open live sockets close; the user's other sessions go on. */
export async function revokeSession(db: Db, userId: number, sessionId: string, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + REVOCATION_MARGIN_MS);
  await db.$executeRaw`
    INSERT INTO revoked_sessions (id, user_id, expires_at) VALUES (${sessionId}, ${userId}, ${sqlDate(expiresAt)})
    ON CONFLICT (id) DO NOTHING`;
  // The page that signs out is the sign-out page, which holds no socket: this
  // browser's other tabs are told as any other device is, and go to sign-in.
  await closeEndedSessions(userId);
}

/**
 * Forgets revoked ids whose sessions have expired anyway (no token carrying
 * them can still be accepted). For the retention job; returns how many went.
 */
export async function pruneRevokedSessions(db: Db, now: Date, limit = 5000): Promise<number> {
  return db.$executeRaw`DELETE FROM revoked_sessions WHERE id IN (${expiredRevokedSessions(now)} ORDER BY expires_at LIMIT ${limit})`;
}

/** The revoked ids pruneRevokedSessions() forgets; the retention job asks whether there are any. */
export function expiredRevokedSessions(now: Date): Statement {
  return sql`SELECT id FROM revoked_sessions WHERE expires_at < ${sqlDate(now)}`;
}

/** Sign-out: ends the session of the device it is pressed on, and only that one. */
export const signOutThisDevice = defineOperation(
  // A user who still has to replace a temporary password may leave too.
  { input: z.object({}), allowPendingPasswordChange: true },
  async (_data, { db, user, sessionId, now = new Date() }) => {
    if (!sessionId) refuse("signedOut");
    await revokeSession(db, user.id, sessionId, now);
  },
);

/** "Se déconnecter de tous les appareils" on the profile: every session of the user, this one included. */
export const signOutEverywhere = defineOperation(
  { input: z.object({}), allowPendingPasswordChange: true },
  (_data, { db, user, sessionId }) => endSessions(db, user.id, sessionId),
);
