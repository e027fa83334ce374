// Accounts: listed by leads, managed by admins. Users are never deleted (their
// name stays on tickets and in the audit log); they are deactivated instead.
// The admin guards are single conditional statements so two admins acting at
// the same moment cannot leave the factory without an active admin.
import { z } from "zod";
import { changeAudited, type AuditEntry } from "../audit";
import { isUniqueViolation, sql, sqlDate } from "../db/sql";
import { type Db } from "../db/client";
import { locales, type Locale } from "../i18n";
import { defineOperation, refuse, type ActionContext, type RuleCode } from "../operation";
import { allRoles, can, GUEST, roles, type Role, type Who } from "../permissions";
import { hashPassword } from "./password";
import { checkPasswordPolicy, MAX_PASSWORD_LENGTH } from "./password-policy";
import { closeEndedSessions, presenceHidden } from "../messages/live";
import { checkbox } from "../validation";
import { literalContains } from "../db/like-pattern";
import { checkPassword, claimAttempt, settleAttempt } from "./sign-in";
import { nameKey } from "./names";
import { lookAlikeKeys, looksAlike, nameProblem, normalizeName } from "./look-alike-names";

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const name = z.string().transform(normalizeName).pipe(z.string().min(1).max(100));
export const password = z.string().max(MAX_PASSWORD_LENGTH);
const id = z.coerce.number().int().positive();

/** The list page's query string, read leniently: a bad value is ignored, not an error page. */
export const userListInput = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(allRoles).optional().catch(undefined),
});

export interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  /** A guest's company and the end of their access (lib/accounts/guests.ts); null for everyone else. */
  company: string | null;
  expiresAt: Date | null;
}

const rowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  mustChangePassword: true,
  lastLoginAt: true,
  company: true,
  expiresAt: true,
} as const;

export function enforcePolicy(plain: string, field: string) {
  const problem = checkPasswordPolicy(plain);
  const rule: Record<NonNullable<typeof problem>, RuleCode> = {
    tooShort: "passwordTooShort",
    tooLong: "passwordTooLong",
    published: "passwordPublished",
  };
  if (problem) refuse(rule[problem], { field });
}

/** Active accounts first, then by name; search matches name or email. */
export async function listUsers(db: Db, actor: Who, { q, role }: z.output<typeof userListInput> = {}): Promise<UserRow[]> {
  if (!can(actor, "user.list")) refuse("forbidden");
  const name = literalContains(q);
  const email = literalContains(q?.toLowerCase());
  const rows = await db.user.findMany({
    where: {
      ...(role ? { role } : {}),
      ...(name && email ? { OR: [{ name }, { email }] } : {}),
    },
    select: rowSelect,
  });
  // SQLite sorts bytes ("Émilie" after "Zoé"); the factory reads in French.
  const byName = new Intl.Collator("fr-CA", { sensitivity: "base" });
  return (rows as UserRow[]).sort((a, b) => Number(b.active) - Number(a.active) || byName.compare(a.name, b.name));
}

export async function getUserRow(db: Db, actor: Who, userId: number): Promise<UserRow | null> {
  if (!can(actor, "user.list")) refuse("forbidden");
  return (await db.user.findUnique({ where: { id: userId }, select: rowSelect })) as UserRow | null;
}

async function findOrRefuse(db: Db, userId: number): Promise<UserRow> {
  const user = await db.user.findUnique({ where: { id: userId }, select: rowSelect });
  return (user as UserRow | null) ?? refuse("userNotFound");
}

export async function refuseTakenEmail(db: Db, address: string, exceptId?: number) {
  const taken = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (taken && taken.id !== exceptId) refuse("duplicateEmail", { field: "email" });
}

/** Refuses a name nobody may take: characters nobody sees, or letters of two alphabets. */
export function refuseUnfitName(name: string) {
  const problem = nameProblem(name);
  if (problem) refuse(problem, { field: "name" });
}

/** Refuses a name that another active user already has, or one that looks the same; returns the key to store with it. */
export async function refuseTakenName(db: Db, name: string, exceptId?: number): Promise<string> {
  const looks = lookAlikeKeys(name);
  // Every active name, compared here rather than by the stored keys: rows the
  // migration could not key (two people already sharing a name) count too, and
  // so do look-alikes stored before they were refused. Two look-alikes written
  // at the same moment are not caught by the index, which holds the plain key.
  const others = await db.user.findMany({
    where: { active: true, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (others.some((other) => looksAlike(lookAlikeKeys(other.name), looks))) refuse("duplicateName", { field: "name" });
  return nameKey(name);
}

/** The unique index on name_key refused a write that raced another one with the same name. */
export function isTakenNameViolation(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false;
  const meta = (error as { meta?: unknown }).meta;
  return /name_key|nameKey/.test(`${(error as Error).message} ${JSON.stringify(meta ?? "")}`);
}

function snapshot(user: Pick<UserRow, "name" | "email" | "role" | "active">) {
  return { name: user.name, email: user.email, role: user.role, active: user.active };
}

/** One audit entry about an account, written with the change (changeAudited); `before`/`after` are plain snapshots (never a hash). */
export function userAudit(actor: Who, action: string, userId: number | null, change: { before?: object; after: object }): AuditEntry {
  return { actorId: actor.id, action, entityType: "user", entityId: userId, ...change };
}

/** A new account with a temporary password the user must change at first sign-in. */
export const createUser = defineOperation(
  { input: z.object({ name, email, role: z.enum(roles), password }), permission: "user.manage" },
  async (data, { db, user: actor, now = new Date() }): Promise<UserRow> => {
    enforcePolicy(data.password, "password");
    refuseUnfitName(data.name);
    await refuseTakenEmail(db, data.email);
    const nameKey = await refuseTakenName(db, data.name);
    const passwordHash = await hashPassword(data.password);
    const created = { name: data.name, email: data.email, role: data.role, active: true, mustChangePassword: true, lastLoginAt: null, company: null, expiresAt: null };
    try {
      const { rows } = await changeAudited(
        db,
        sql`INSERT INTO users (email, name, name_key, role, password_hash, must_change_password, created_at, updated_at)
            VALUES (${data.email}, ${data.name}, ${nameKey}, ${data.role}, ${passwordHash}, 1, ${now}, ${now}) RETURNING id`,
        [userAudit(actor, "user.created", null, { after: snapshot(created) })],
        now,
        // The account just inserted: ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
        { entityId: sql`(SELECT MAX(id) FROM users)` },
      );
      return { id: Number(rows[0]!.id), ...created };
    } catch (error) {
      // Two admins creating the same address or name at once: the unique indexes decide.
      if (isTakenNameViolation(error)) refuse("duplicateName", { field: "name" });
      if (isUniqueViolation(error)) refuse("duplicateEmail", { field: "email" });
      throw error;
    }
  },
);

/**
 * Name, email and role. Demoting the last active admin is refused inside the
 * UPDATE itself, so a concurrent demotion cannot slip between check and write.
 */
export const updateUser = defineOperation(
  { input: z.object({ id, name, email, role: z.enum(allRoles) }), permission: "user.manage" },
  async (data, { db, user: actor, sessionId, now = new Date() }): Promise<UserRow> => {
    const before = await findOrRefuse(db, data.id);
    if (data.id === actor.id && data.role !== "admin") refuse("selfDemote", { field: "role" });
    // A guest is invited as one, with a date (guests.ts), and stays one; nobody becomes a guest by a role change.
    if ((before.role === GUEST) !== (data.role === GUEST)) refuse("guestRoleFixed", { field: "role" });
    refuseUnfitName(data.name);
    await refuseTakenEmail(db, data.email, data.id);
    const nameKey = before.active ? await refuseTakenName(db, data.name, data.id) : null;

    const roleChanged = before.role !== data.role;
    const audit =
      roleChanged || before.name !== data.name || before.email !== data.email
        ? [userAudit(actor, roleChanged ? "user.role_changed" : "user.updated", data.id, { before: snapshot(before), after: snapshot({ ...before, ...data }) })]
        : [];
    let changed: number;
    try {
      ({ changes: changed } = await changeAudited(
        db,
        sql`
        UPDATE users SET name = ${data.name}, name_key = ${nameKey}, email = ${data.email}, role = ${data.role}, updated_at = ${sqlDate(now)},
          -- A new role ends the user's sessions: they sign in again as what they now are.
          session_version = session_version + (role <> ${data.role})
        WHERE id = ${data.id}
          AND (${data.role} = 'admin' OR role <> 'admin' OR active = 0
               OR (SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1 AND id <> ${data.id}) > 0)`,
        audit,
        now,
      ));
    } catch (error) {
      if (isTakenNameViolation(error)) refuse("duplicateName", { field: "name" });
      if (isUniqueViolation(error)) refuse("duplicateEmail", { field: "email" });
      throw error;
    }
    if (changed === 0) refuse("lastAdmin", { field: "role" });
    if (roleChanged) await closeEndedSessions(data.id, sessionId);
    return findOrRefuse(db, data.id);
  },
);

/** A new temporary password; the user must change it at their next sign-in. */
export const resetUserPassword = defineOperation(
  { input: z.object({ id, password }), permission: "user.manage" },
  async (data, { db, user: actor, sessionId, now = new Date() }): Promise<void> => {
    const before = await findOrRefuse(db, data.id);
    enforcePolicy(data.password, "password");
    const change = {
      before: { name: before.name, mustChangePassword: before.mustChangePassword },
      after: { name: before.name, mustChangePassword: true },
    };
    await changeAudited(
      db,
      // The old password's sessions end with it (lib/accounts/sessions.ts).
      sql`UPDATE users SET password_hash = ${await hashPassword(data.password)}, must_change_password = 1,
            session_version = session_version + 1, updated_at = ${now}
          WHERE id = ${data.id}`,
      [userAudit(actor, "user.password_reset", data.id, change)],
      now,
    );
    await closeEndedSessions(data.id, sessionId);
  },
);

/**
 * Deactivation signs the user out on their next request (the session version is
 * raised, and the jwt callback reads `active` every time) and blocks sign-in. An
 * admin cannot deactivate themselves, and the last active admin cannot be
 * deactivated by anyone.
 */
export const setUserActive = defineOperation(
  {
    input: z.object({ id, active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) }),
    permission: "user.manage",
  },
  async (data, { db, user: actor, sessionId, now = new Date() }): Promise<UserRow> => {
    const before = await findOrRefuse(db, data.id);
    if (!data.active && data.id === actor.id) refuse("selfDeactivate");
    if (before.active === data.active) return before;
    // Back among the active users, the name must be free again.
    const nameKey = data.active ? await refuseTakenName(db, before.name, data.id) : null;

    const action = data.active ? "user.reactivated" : "user.deactivated";
    let changed: number;
    try {
      ({ changes: changed } = await changeAudited(
        db,
        sql`
        UPDATE users SET active = ${data.active ? 1 : 0}, updated_at = ${sqlDate(now)}, name_key = COALESCE(${nameKey}, name_key),
          -- Deactivation ends every session for good: reactivating does not revive them.
          session_version = session_version + ${data.active ? 0 : 1}
        WHERE id = ${data.id}
          AND (${data.active ? 1 : 0} = 1 OR role <> 'admin'
               OR (SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1 AND id <> ${data.id}) > 0)`,
        [userAudit(actor, action, data.id, { before: snapshot(before), after: snapshot({ ...before, active: data.active }) })],
        now,
      ));
    } catch (error) {
      if (isTakenNameViolation(error)) refuse("duplicateName");
      throw error;
    }
    if (changed === 0) refuse("lastAdmin");
    // Their phones are told nothing more (the push sender also skips inactive people): the subscriptions go.
    if (!data.active) await db.pushDevice.deleteMany({ where: { userId: data.id } });
    // After D1: an open live socket of theirs closes at once, and the hub admits no new one.
    if (!data.active) await closeEndedSessions(data.id, sessionId);
    return findOrRefuse(db, data.id);
  },
);

const ownPasswordInput = z.object({
  current: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  next: password,
  /** The form's second entry; absent when a script changes a password. */
  confirm: z.string().max(MAX_PASSWORD_LENGTH).optional(),
});

async function changePassword(data: z.output<typeof ownPasswordInput>, { db, user: actor, sessionId, clientAddress = "unknown", now = new Date() }: ActionContext) {
  if (data.confirm !== undefined && data.confirm !== data.next) refuse("passwordMismatch", { field: "confirm" });
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true, active: true } });
  if (!user || !user.active) refuse("forbidden");
  // A session left open on a shared tablet must not be a way to guess the
  // password: the current password is throttled exactly like a sign-in.
  const claim = await claimAttempt(db, { email: user.email, ip: clientAddress, now });
  if (!claim.ok) refuse("passwordThrottled", { field: "current", values: { minutes: claim.retryAfterMinutes } });
  // The e-mail is an account's, so the claim never skips the check; if it did, the answer is the same.
  if (claim.unverified || !(await checkPassword(data.current, user.passwordHash))) refuse("wrongPassword", { field: "current" });
  await settleAttempt(db, claim.id);
  enforcePolicy(data.next, "next");
  if (data.next === data.current) refuse("samePassword", { field: "next" });
  await db.user.update({
    where: { id: actor.id },
    // Every session ends, this one too unless the action re-signs it (keepCurrentSession).
    data: { passwordHash: await hashPassword(data.next), mustChangePassword: false, sessionVersion: { increment: 1 }, updatedAt: now },
  });
  await closeEndedSessions(actor.id, sessionId);
}

/** The signed-in user's own change: the current password proves it is them. Clears a forced change. */
export const changeOwnPassword = defineOperation({ input: ownPasswordInput }, changePassword);

/** The forced change after an admin created the account or reset its password: the one operation open until then. */
export const replaceTemporaryPassword = defineOperation(
  { input: ownPasswordInput, allowPendingPasswordChange: true },
  changePassword,
);

/** Display name and preferred language ("default": the factory's). */
export const updateProfile = defineOperation(
  {
    input: z.object({
      name,
      locale: z
        .enum([...locales, "default"])
        .default("default")
        .transform((v): Locale | null => (v === "default" ? null : v)),
    }),
  },
  async (data, { db, user, now = new Date() }): Promise<{ name: string; locale: Locale | null }> => {
    refuseUnfitName(data.name);
    const nameKey = await refuseTakenName(db, data.name, user.id);
    let updated: { name: string };
    try {
      updated = await db.user.update({
        where: { id: user.id },
        data: { name: data.name, nameKey, locale: data.locale, updatedAt: now },
        select: { name: true },
      });
    } catch (error) {
      if (isTakenNameViolation(error)) refuse("duplicateName", { field: "name" });
      throw error;
    }
    return { name: updated.name, locale: data.locale };
  },
);

/**
 * The profile's "Masquer ma présence": the person never shows online (the green
 * dot, the screens' "on shift" strip, lib/messages/presence.ts). D1 first, so a
 * socket opened meanwhile reads it; then the person's open sockets follow at once.
 */
export const updatePresenceVisibility = defineOperation(
  { input: z.object({ hidden: checkbox }) },
  async ({ hidden }, { db, user, now = new Date() }): Promise<{ hidden: boolean }> => {
    await db.user.update({ where: { id: user.id }, data: { hidePresence: hidden, updatedAt: now } });
    await presenceHidden(user.id, hidden);
    return { hidden };
  },
);
