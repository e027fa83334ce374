// Password checks and their throttle: sign-in, and the current password asked
// by the profile's password change (same table, same rule).
//
// The main defence is per account: after FREE_FAILURES failures in a row, the
// account waits 1, 2, 4, 8... minutes (capped at MAX_DELAY_MINUTES) after each
// further failure. Per client address there is only a flood guard, far higher:
// a plant often signs in from one NAT address, and one person mistyping on 20
// accounts must not lock out the 21st.
//
// Each attempt is claimed before its password is verified, in one INSERT that
// records it and decides, from the rows already there, whether it may be
// verified: D1 runs statements one at a time, so N parallel attempts count N and
// only the allowed ones reach verifyPassword.
import type { Db } from "../db/client";
import { sqlDate } from "../db/sql";
import type { Role } from "../permissions";
import { isRole } from "../permissions";
import { hashPassword, verifyPassword } from "./password";

/** Failures in a row (since the last success, within ACCOUNT_MEMORY_MS) before the account waits. */
export const FREE_FAILURES = 5;
export const MAX_DELAY_MINUTES = 30;
/** How long failures count against an account when no success clears them. */
export const ACCOUNT_MEMORY_MS = 24 * 60 * 60 * 1000;
/** The flood guard: verified failures from one address in ADDRESS_WINDOW_MS. */
export const MAX_FAILURES_PER_ADDRESS = 200;
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; user: { id: number; name: string; email: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export interface SignInOptions {
  email: string;
  password: string;
  ip: string;
  now: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function clientAddress(headers: Headers): string {
  return (
    headers.get("cf-connecting-ip") ??
    headers.get("x-forwarded-for")?.split(",")[0]?.trim() ??
    headers.get("x-real-ip") ??
    "unknown"
  );
}

/** The wait after `failures` failures in a row, in minutes (0: none). */
export function delayMinutes(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** Math.min(failures - FREE_FAILURES, 10), MAX_DELAY_MINUTES);
}

export type AttemptClaim = { ok: true; id: number } | { ok: false; retryAfterMinutes: number };

/**
 * Records an attempt for `email` from `ip` as a failure, and in the same
 * statement whether it may be verified. An attempt being verified counts as a
 * failure for the attempts that arrive meanwhile; settleAttempt() marks it a
 * success. A refused attempt is recorded with its blocked_until and never
 * counts itself: waiting out the delay is enough, hammering does not extend it.
 */
export async function claimAttempt(db: Db, { email, ip, now }: { email: string; ip: string; now: Date }): Promise<AttemptClaim> {
  const at = sqlDate(now);
  const memorySince = sqlDate(new Date(now.getTime() - ACCOUNT_MEMORY_MS));
  const addressSince = sqlDate(new Date(now.getTime() - ADDRESS_WINDOW_MS));
  // delayMinutes() in SQL: 2^(failures - FREE_FAILURES) minutes, capped.
  const rows = await db.$queryRaw<{ id: number; blocked_until: string | null }[]>`
    WITH
      account AS (
        SELECT COUNT(*) AS failures, julianday(MAX(created_at)) AS last FROM sign_in_attempts
        WHERE email = ${email} AND succeeded = 0 AND blocked_until IS NULL AND created_at > ${memorySince}
          AND created_at > COALESCE((SELECT MAX(created_at) FROM sign_in_attempts WHERE email = ${email} AND succeeded = 1), '')
      ),
      address AS (
        SELECT julianday(created_at) AS pivot FROM sign_in_attempts
        WHERE ip = ${ip} AND succeeded = 0 AND blocked_until IS NULL AND created_at > ${addressSince}
        ORDER BY created_at DESC LIMIT 1 OFFSET ${MAX_FAILURES_PER_ADDRESS - 1}
      ),
      verdict AS (
        SELECT MAX(
          CASE WHEN failures >= ${FREE_FAILURES}
            THEN last + MIN(1 << MIN(failures - ${FREE_FAILURES}, 10), ${MAX_DELAY_MINUTES}) / 1440.0 ELSE 0 END,
          COALESCE((SELECT pivot FROM address) + ${ADDRESS_WINDOW_MS / 60_000} / 1440.0, 0)
        ) AS until FROM account
      )
    INSERT INTO sign_in_attempts (email, ip, succeeded, created_at, blocked_until)
    SELECT ${email}, ${ip}, 0, ${at},
      CASE WHEN until > julianday(${at}) THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', until) END
    FROM verdict
    RETURNING id, blocked_until`;
  const row = rows[0]!;
  if (!row.blocked_until) return { ok: true, id: Number(row.id) };
  const wait = Date.parse(row.blocked_until) - now.getTime();
  return { ok: false, retryAfterMinutes: Math.max(1, Math.ceil(wait / 60_000)) };
}

/** The claimed attempt's password was right: it stops counting, and clears the failures before it. */
export async function settleAttempt(db: Db, claimId: number): Promise<void> {
  await db.signInAttempt.update({ where: { id: claimId }, data: { succeeded: true } });
}

// Verified instead of a real hash when no account has the email, so an unknown
// email costs what a wrong password costs. Computed once per isolate.
let dummyHash: Promise<string> | undefined;
function unknownAccountHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/** Verifies `password` against `hash`, or against a dummy hash when there is no account: the same work either way. */
export async function checkPassword(password: string, hash: string | undefined): Promise<boolean> {
  const ok = await verifyPassword(password, hash ?? (await unknownAccountHash()));
  return ok && hash !== undefined;
}

/** Claims the attempt, then (if allowed) verifies the password. */
export async function authenticate(db: Db, options: SignInOptions): Promise<SignInResult> {
  const email = normalizeEmail(options.email);
  const { ip, now } = options;

  const claim = await claimAttempt(db, { email, ip, now });
  if (!claim.ok) return { ok: false, reason: "throttled", retryAfterMinutes: claim.retryAfterMinutes };

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await checkPassword(options.password, user?.passwordHash);
  if (!user || !passwordOk || !isRole(user.role)) return { ok: false, reason: "invalid" };
  if (!user.active) return { ok: false, reason: "inactive" };

  await settleAttempt(db, claim.id);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}
