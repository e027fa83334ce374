// Sessions are stateless JWTs (Auth.js), so ending one needs a fact the server
// keeps: each user has a session version, every token carries the version it
// was signed with (the "sv" claim), and a token whose version is no longer the
// user's, or whose user is inactive, is refused on every request
// (lib/accounts/auth.ts' jwt callback, which /api/auth/session runs too).
// Raising the version therefore ends every session the user has, everywhere.
import { z } from "zod";
import type { Db } from "../db";
import { defineOperation } from "../operation";

/** Every session of the user signed before now stops working at its next request. */
export async function endSessions(db: Db, userId: number): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** The version a token must carry to be honoured, or null when the account may have no session at all. */
export async function currentSessionVersion(db: Db, userId: number): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { active: true, sessionVersion: true } });
  return user?.active ? user.sessionVersion : null;
}

/** Whether a token's claims still open a session: the one rule the jwt callback applies. */
export async function isSessionCurrent(db: Db, claims: { uid?: string; sv?: number }): Promise<boolean> {
  const id = Number(claims.uid);
  if (!Number.isInteger(id) || id <= 0 || typeof claims.sv !== "number") return false;
  return (await currentSessionVersion(db, id)) === claims.sv;
}

/** Sign-out, and "Sign out of all devices" on the profile: with one version per user they are the same act. */
export const signOutEverywhere = defineOperation(
  // A user who still has to replace a temporary password may leave too.
  { input: z.object({}), allowPendingPasswordChange: true },
  (_data, { db, user }) => endSessions(db, user.id),
);
