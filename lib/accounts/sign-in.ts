import type { Db } from "../db";
import type { Role } from "../permissions";
import { isRole } from "../permissions";
import { verifyPassword } from "./password";

// A factory often signs in from one shared address (the plant's NAT), so the
// per-address limit is looser than the per-account one.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

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

/**
 * Checks the throttle, then the password. Throttled attempts are not verified
 * (nothing to learn from them) and not recorded (the lock does not extend itself).
 */
export async function authenticate(db: Db, options: SignInOptions): Promise<SignInResult> {
  const email = normalizeEmail(options.email);
  const { ip, now } = options;
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);

  const throttle = await findThrottle(db, email, ip, since, now);
  if (throttle) return throttle;

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = user ? await verifyPassword(options.password, user.passwordHash) : false;
  if (!user || !passwordOk || !isRole(user.role)) {
    await db.signInAttempt.create({ data: { email, ip, succeeded: false, createdAt: now } });
    return { ok: false, reason: "invalid" };
  }
  if (!user.active) return { ok: false, reason: "inactive" };

  await db.signInAttempt.create({ data: { email, ip, succeeded: true, createdAt: now } });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}

async function findThrottle(
  db: Db,
  email: string,
  ip: string,
  since: Date,
  now: Date,
): Promise<SignInResult | null> {
  // A successful sign-in wipes the account's slate, so only failures after it count.
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gt: accountSince } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: { ip, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const blockedUntil = Math.max(
    unlockTime(accountFailures, MAX_FAILURES_PER_ACCOUNT),
    unlockTime(addressFailures, MAX_FAILURES_PER_ADDRESS),
  );
  if (blockedUntil <= now.getTime()) return null;
  return {
    ok: false,
    reason: "throttled",
    retryAfterMinutes: Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 60_000)),
  };
}

/** When the window will again hold fewer than `max` failures (0 when it already does). */
function unlockTime(failures: { createdAt: Date }[], max: number): number {
  if (failures.length < max) return 0;
  // The oldest failure that keeps the count at `max` must age out of the window.
  const pivot = failures[failures.length - max]!;
  return pivot.createdAt.getTime() + THROTTLE_WINDOW_MS;
}
