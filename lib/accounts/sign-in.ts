// Password checks and their throttle: sign-in, and the current password asked
// by the profile's password change (same table, same rule).
//
// The defence against guessing is per e-mail: after FREE_FAILURES failures in a
// row, the e-mail waits 1, 2, 4, 8... minutes (capped at MAX_DELAY_MINUTES)
// after each further failure, whatever the address. It counts every e-mail
// typed, whether an account has it or not, so the answers never tell which
// e-mails are accounts; and it covers each address and e-mail pair too.
//
// A plant signs in from one NAT address, so nothing locks an address: a person
// with an account and the right password gets in from the busiest one. What an
// address spends is the checking of e-mails that match no account (a script
// trying a list): FREE_UNKNOWN_PER_ADDRESS such failures in UNKNOWN_WINDOW_MS
// are checked; past them the next is checked only 1 s after the last failure,
// then 2, 4, 8 s... (at most MAX_UNKNOWN_DELAY_SECONDS), and those in between
// are answered as a wrong password is, without the check, after about the time
// one takes, and counted as failures like the others.
//
// Each attempt is claimed before its password is verified, in one INSERT that
// records it and decides, from the rows already there, whether it may be
// verified: D1 runs statements one at a time, so N parallel attempts count N and
// only the allowed ones reach verifyPassword.
import type { Db } from "../db/client";
import { sql, sqlDate } from "../db/sql";
import type { Role } from "../permissions";
import { isRole } from "../permissions";
import { hashPassword, needsRehash, verifyPassword } from "./password";

/** Failures in a row (since the last success, within ACCOUNT_MEMORY_MS) before the e-mail waits. */
export const FREE_FAILURES = 5;
export const MAX_DELAY_MINUTES = 30;
/** How long failures count against an e-mail when no success clears them. */
export const ACCOUNT_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Failures on e-mails that match no account, from one address in UNKNOWN_WINDOW_MS, that are all checked. */
export const FREE_UNKNOWN_PER_ADDRESS = 20;
export const UNKNOWN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_UNKNOWN_DELAY_SECONDS = 15 * 60;
/** About what verifyPassword() takes (PBKDF2, 100,000 rounds): the wait of an answer given without it. */
const UNCHECKED_ANSWER_MS = 40;

export type SignInResult =
  | { ok: true; user: { id: number; name: string; email: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "inactive" }
  /** A guest past their date (lib/accounts/guests.ts): said only to whoever knows the password. */
  | { ok: false; reason: "expired"; expiresAt: Date }
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

export type AttemptClaim = { ok: true; id: number; unverified: boolean } | { ok: false; retryAfterMinutes: number };

/**
 * Records an attempt for `email` from `ip` as a failure, and in the same
 * statement whether it may be verified. An attempt being verified counts as a
 * failure for the attempts that arrive meanwhile; settleAttempt() marks it a
 * success. A refused attempt is recorded with its blocked_until and never
 * counts itself: waiting out the delay is enough, hammering does not extend it.
 * An unverified one (an unknown e-mail from an address past its allowance)
 * counts like a checked failure, so the e-mail's own wait comes as it would for
 * an account.
 */
export async function claimAttempt(db: Db, { email, ip, now }: { email: string; ip: string; now: Date }): Promise<AttemptClaim> {
  const at = sqlDate(now);
  const memorySince = sqlDate(new Date(now.getTime() - ACCOUNT_MEMORY_MS));
  const unknownSince = sqlDate(new Date(now.getTime() - UNKNOWN_WINDOW_MS));
  // delayMinutes() in SQL: 2^(failures - FREE_FAILURES) minutes, capped; and the
  // address's 2^(failures - FREE_UNKNOWN_PER_ADDRESS) seconds, capped, which only
  // needs the latest few failures counted (2^11 s is past the cap).
  const rows = await db.$queryRaw<{ id: number; blocked_until: string | null; unverified: number }[]>`
    WITH
      account AS (
        SELECT COUNT(*) AS failures, julianday(MAX(created_at)) AS last FROM sign_in_attempts
        WHERE email = ${email} AND succeeded = 0 AND blocked_until IS NULL AND created_at > ${memorySince}
          AND created_at > COALESCE((SELECT MAX(created_at) FROM sign_in_attempts WHERE email = ${email} AND succeeded = 1), '')
      ),
      unknown AS (
        SELECT COUNT(*) AS failures, julianday(MAX(created_at)) AS last FROM (
          SELECT created_at FROM sign_in_attempts AS attempt
          WHERE ip = ${ip} AND succeeded = 0 AND blocked_until IS NULL AND created_at > ${unknownSince}
            AND NOT EXISTS (SELECT 1 FROM users WHERE users.email = attempt.email)
          ORDER BY created_at DESC LIMIT ${FREE_UNKNOWN_PER_ADDRESS + 11}
        )
      ),
      verdict AS (
        SELECT
          CASE WHEN account.failures >= ${FREE_FAILURES}
            THEN account.last + MIN(1 << MIN(account.failures - ${FREE_FAILURES}, 10), ${MAX_DELAY_MINUTES}) / 1440.0 ELSE 0 END AS until,
          CASE WHEN unknown.failures < ${FREE_UNKNOWN_PER_ADDRESS} OR EXISTS (SELECT 1 FROM users WHERE email = ${email}) THEN 0
            ELSE unknown.last + MIN(1 << (unknown.failures - ${FREE_UNKNOWN_PER_ADDRESS}), ${MAX_UNKNOWN_DELAY_SECONDS}) / 86400.0 > julianday(${at})
          END AS unchecked
        FROM account, unknown
      )
    INSERT INTO sign_in_attempts (email, ip, succeeded, created_at, blocked_until, unverified)
    SELECT ${email}, ${ip}, 0, ${at},
      CASE WHEN until > julianday(${at}) THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', until) END,
      until <= julianday(${at}) AND unchecked
    FROM verdict
    RETURNING id, blocked_until, unverified`;
  const row = rows[0]!;
  if (!row.blocked_until) return { ok: true, id: Number(row.id), unverified: Boolean(row.unverified) };
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
  if (claim.unverified) {
    // The answer to a wrong password, in about its time: it tells nothing about the e-mail.
    await new Promise((resolve) => setTimeout(resolve, UNCHECKED_ANSWER_MS));
    return { ok: false, reason: "invalid" };
  }
  const passwordOk = await checkPassword(options.password, user?.passwordHash);
  if (!user || !passwordOk || !isRole(user.role)) return { ok: false, reason: "invalid" };
  if (!user.active) return { ok: false, reason: "inactive" };
  if (user.expiresAt && user.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", expiresAt: user.expiresAt };

  await settleAttempt(db, claim.id);
  // An account brought from the old system (lib/legacy/) gets Atelier's own hash with its first
  // sign-in's record, in the same statement; only over the hash just verified, so a password
  // changed meanwhile stays changed.
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(options.password) : null;
  await db.$executeRaw(sql`UPDATE users SET last_login_at = ${sqlDate(now)}, updated_at = ${sqlDate(now)}
    ${rehash ? sql`, password_hash = CASE WHEN password_hash = ${user.passwordHash} THEN ${rehash} ELSE password_hash END` : sql``}
    WHERE id = ${user.id}`);
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}
