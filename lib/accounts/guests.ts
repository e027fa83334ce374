// GUESTS: chat-only accounts for contractors and suppliers. An admin invites
// one (name, company, e-mail, the day access ends, the groups to add them to) with
// a temporary password, as for any account; the guest signs in like anyone and
// sees their groups alone (lib/permissions.ts, lib/request.ts). Access ends by
// itself at expires_at: sign-in is refused in words (sign-in.ts), every request
// and live socket refused (session-state.ts isCurrent), and the cron ends the
// sessions of guests past their date (endExpiredGuests), so an open page's
// socket closes without waiting for a request. An admin extends or ends access.
import { z } from "zod";
import { auditInsert } from "../audit";
import { writeBatch } from "../db/batch";
import type { Db } from "../db/client";
import { isUniqueViolation, sql, sqlDate, type Statement } from "../db/sql";
import { utcToWallTime } from "../factory-time";
import { formatDay } from "../format";
import { closeEndedSessions } from "../messages/live";
import { idsSql, joinGroups, linesWritten, tellGroups } from "../messages/groups";
import { defineOperation, refuse, type ActionContext } from "../operation";
import { GUEST } from "../permissions";
import { getSettings } from "../settings/settings";
import { accessEnd, checkGuestExpiry } from "./guest-access";
import { hashPassword } from "./password";
import { email, enforcePolicy, isTakenNameViolation, name, password, refuseTakenEmail, refuseTakenName, refuseUnfitName, userAudit } from "./users";

const id = z.coerce.number().int().positive();
const company = z.string().transform((text) => text.replace(/\s+/g, " ").trim()).pipe(z.string().min(1).max(100));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const groups = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(id).max(100));

/** The day chosen, checked against the factory's today; the instant access then ends. */
async function accessEndOn(ctx: ActionContext, chosen: string, now: Date): Promise<Date> {
  const { timeZone } = await getSettings(ctx.db);
  const problem = checkGuestExpiry(chosen, utcToWallTime(now, timeZone).date);
  if (problem) {
    const values: Record<string, string> = "min" in problem ? { min: formatDay(problem.min, ctx.locale) } : { max: formatDay(problem.max, ctx.locale) };
    refuse(problem.rule, { field: "expiresOn", values });
  }
  return accessEnd(chosen, timeZone);
}

const guestSnapshot = (guest: { name: string; email: string; company: string; expiresAt: Date; active: boolean }) => ({
  name: guest.name,
  email: guest.email,
  role: GUEST,
  company: guest.company,
  expiresAt: guest.expiresAt.toISOString(),
  active: guest.active,
});

/**
 * "Inviter un invité": the account (a temporary password to replace at the first
 * sign-in), its audit entry, and its place in the groups chosen among the admin's
 * own (each with its line "Julie a ajouté Marc"): one D1 batch.
 */
export const inviteGuest = defineOperation(
  { input: z.object({ name, company, email, expiresOn: day, groups, password }), permission: "user.manage" },
  async (data, ctx): Promise<{ id: number }> => {
    const { db, user: actor } = ctx;
    const now = ctx.now ?? new Date();
    enforcePolicy(data.password, "password");
    refuseUnfitName(data.name);
    const expiresAt = await accessEndOn(ctx, data.expiresOn, now);
    await refuseTakenEmail(db, data.email);
    const nameKey = await refuseTakenName(db, data.name);
    const passwordHash = await hashPassword(data.password);
    // The account just inserted: ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
    const invited = sql`SELECT MAX(id) FROM users`;
    const invitedId = sql`(${invited})`;
    const at = sqlDate(now);
    let results;
    try {
      results = await writeBatch(db, [
        sql`INSERT INTO users (email, name, name_key, role, company, expires_at, password_hash, must_change_password, created_at, updated_at)
            VALUES (${data.email}, ${data.name}, ${nameKey}, ${GUEST}, ${data.company}, ${sqlDate(expiresAt)}, ${passwordHash}, 1, ${at}, ${at})
            RETURNING id`,
        auditInsert([userAudit(actor, "user.invited", null, { after: guestSnapshot({ ...data, expiresAt, active: true }) })], now, { entityId: invitedId }),
        ...(data.groups.length ? joinGroups(idsSql(data.groups), invited, actor.id, now) : []),
      ]);
    } catch (error) {
      if (isTakenNameViolation(error)) refuse("duplicateName", { field: "name" });
      if (isUniqueViolation(error)) refuse("duplicateEmail", { field: "email" });
      throw error;
    }
    if (data.groups.length) await tellGroups(ctx, linesWritten(results[3]!.rows, actor, now));
    return { id: Number(results[0]!.rows[0]!.id) };
  },
);

/** The guest an admin acts on; refused in words when the account is not a guest's. */
async function guestOf(db: Db, guestId: number) {
  const guest = await db.user.findUnique({ where: { id: guestId }, select: { id: true, name: true, email: true, role: true, company: true, expiresAt: true, active: true } });
  if (!guest) refuse("userNotFound");
  if (guest.role !== GUEST || !guest.expiresAt) refuse("notAGuest");
  return { ...guest, company: guest.company ?? "", expiresAt: guest.expiresAt };
}

/** The company and the day access ends: later to extend it (an ended access opens again), earlier to shorten it. */
export const updateGuestAccess = defineOperation(
  { input: z.object({ id, company, expiresOn: day }), permission: "user.manage" },
  async (data, ctx): Promise<{ expiresAt: Date; lastDay: string }> => {
    const now = ctx.now ?? new Date();
    const before = await guestOf(ctx.db, data.id);
    const expiresAt = await accessEndOn(ctx, data.expiresOn, now);
    const after = { ...before, company: data.company, expiresAt };
    await writeBatch(ctx.db, [
      sql`UPDATE users SET company = ${data.company}, expires_at = ${sqlDate(expiresAt)}, updated_at = ${sqlDate(now)} WHERE id = ${data.id} AND role = ${GUEST}`,
      auditInsert([userAudit(ctx.user, "user.access_changed", data.id, { before: guestSnapshot(before), after: guestSnapshot(after) })], now),
    ]);
    return { expiresAt, lastDay: data.expiresOn };
  },
);

/** "Mettre fin à l'accès": now, with the guest's sessions and open sockets. */
export const endGuestAccess = defineOperation({ input: z.object({ id }), permission: "user.manage" }, async (data, ctx): Promise<{ expiresAt: Date }> => {
  const now = ctx.now ?? new Date();
  const before = await guestOf(ctx.db, data.id);
  await writeBatch(ctx.db, [
    sql`UPDATE users SET expires_at = ${sqlDate(now)}, access_ended_at = ${sqlDate(now)}, session_version = session_version + 1, updated_at = ${sqlDate(now)}
        WHERE id = ${data.id} AND role = ${GUEST}`,
    auditInsert([userAudit(ctx.user, "user.access_ended", data.id, { before: guestSnapshot(before), after: guestSnapshot({ ...before, expiresAt: now }) })], now),
  ]);
  await closeEndedSessions(data.id, ctx.sessionId);
  return { expiresAt: now };
});

/** The guests whose access has ended and whose sessions the cron has not ended since (access_ended_at, before expires_at, marks it done). */
const expiredGuests = (now: Statement) =>
  sql`role = ${GUEST} AND expires_at <= ${now} AND (access_ended_at IS NULL OR access_ended_at < expires_at)`;

/** The cron's question (lib/job-questions.ts): how many guests' sessions are still to end. */
export function expiredGuestsQuestion(): Statement {
  return sql`SELECT COUNT(*) FROM users WHERE ${expiredGuests(sql`?1`)}`;
}

export const GUEST_EXPIRY_JOB = "guest-expiry";

/**
 * The cron's job: each guest past their date has their sessions ended, as
 * endSessions() does (the version raised in one statement for all of them, marked
 * done with it), then their open live sockets closed by the hub, at once rather
 * than at their page's next request.
 */
export async function endExpiredGuests(db: Db, now: Date, close: (userId: number) => Promise<void> = closeEndedSessions): Promise<number[]> {
  const [claimed] = await writeBatch(db, [
    sql`UPDATE users SET session_version = session_version + 1, access_ended_at = ${sqlDate(now)}
        WHERE ${expiredGuests(sql`${sqlDate(now)}`)}
        RETURNING id`,
  ]);
  const ended = claimed!.rows.map((row) => Number(row.id));
  for (const userId of ended) await close(userId);
  return ended;
}
