import { sql, sqlDate, sqlName, type Statement } from "../db/sql";
import { writeBatch } from "../db/batch";
import { type Db } from "../db/client";
import type { RetentionSettings } from "./settings";
import { expiredRevokedSessions, pruneRevokedSessions } from "../accounts/sessions";
import { Prisma } from "../generated/prisma/client";

// Bounds per run, so one run stays far inside the Workers limits (subrequests,
// CPU) whatever the backlog: at one run every 5 minutes a backlog still drains
// at 144,000 rows and 28,800 objects a day.
export const PURGE_ROWS_PER_RUN = 500;
export const PURGE_OBJECTS_PER_RUN = 100;

export interface RetentionOptions {
  now: Date;
  settings: RetentionSettings;
  /** The R2 bucket of photos and videos (binding MEDIA). */
  media: R2Bucket;
  rowLimit?: number;
  objectLimit?: number;
}

export interface PurgeCounts {
  signInAttempts: number;
  cronRuns: number;
  webhookAttempts: number;
  webhookPayloads: number;
  auditLogs: number;
  deletedTicketMedia: number;
  revokedSessions: number;
  notifications: number;
}

const DAY = 24 * 60 * 60 * 1000;
/** A notification never read is kept a year (or the read window, if longer): the bell would count it forever. */
export const UNREAD_NOTIFICATION_DAYS = 365;

/**
 * What each purge removes, as the ids it selects: the purge takes them oldest first
 * and a bounded number at a time; the job's question asks whether there are any.
 */
function expired(now: Date, settings: RetentionSettings) {
  const before = (days: number) => sqlDate(new Date(now.getTime() - days * DAY));
  const older = (table: string, column: string, days: number) =>
    sql`SELECT id FROM ${sqlName(table)} WHERE ${sqlName(column)} < ${before(days)}`;
  return {
    signInAttempts: older("sign_in_attempts", "created_at", settings.signInAttemptsDays),
    // A run still marked running that long ago died long ago.
    cronRuns: older("cron_runs", "started_at", settings.cronRunsDays),
    webhookAttempts: older("webhook_attempts", "started_at", settings.webhookDays),
    webhookPayloads: sql`SELECT id FROM webhook_notifications
      WHERE delivery_status IN ('sent', 'failed', 'cancelled') AND payload IS NOT NULL AND updated_at < ${before(settings.webhookDays)}`,
    auditLogs: older("audit_logs", "created_at", settings.auditDays),
    deletedTicketMedia: sql`SELECT m.id FROM media m JOIN tickets t ON t.id = m.ticket_id
      WHERE t.deleted_at IS NOT NULL AND t.deleted_at < ${before(settings.deletedMediaDays)}`,
    // Signed-out session ids, once the session they ended would have expired anyway.
    revokedSessions: expiredRevokedSessions(now),
    // Two ranges of the (read_at, created_at) index, so the job's question reads no row it keeps.
    notifications: sql`SELECT id FROM notifications WHERE read_at < ${before(settings.notificationsDays)}
      UNION ALL SELECT id FROM notifications WHERE read_at IS NULL AND created_at < ${before(Math.max(settings.notificationsDays, UNREAD_NOTIFICATION_DAYS))}`,
  } satisfies Record<keyof PurgeCounts, Statement>;
}

/** The retention job's question (lib/job-questions.ts): is anything past its window? */
export function purgeQuestion(now: Date, settings: RetentionSettings): Statement {
  const exists = Object.values(expired(now, settings)).map((ids) => sql`EXISTS (${ids})`);
  return sql`SELECT ${Prisma.join(exists, " OR ")}`;
}

/**
 * Removes what is older than its retention window, oldest first, at most
 * `rowLimit` rows per table and `objectLimit` R2 objects per run; what is left
 * goes in the next runs. Webhook notifications stay (they are the record that a
 * ticket was reported overdue); their payload and the receiver's answer go.
 */
export async function purgeExpired(db: Db, options: RetentionOptions): Promise<PurgeCounts> {
  const { now, settings, media } = options;
  const rowLimit = options.rowLimit ?? PURGE_ROWS_PER_RUN;
  const objectLimit = options.objectLimit ?? PURGE_OBJECTS_PER_RUN;
  const ids = expired(now, settings);
  const purge = (table: string, selected: Statement) =>
    db.$executeRaw(sql`DELETE FROM ${sqlName(table)} WHERE id IN (${selected} ORDER BY id LIMIT ${rowLimit})`);

  return {
    signInAttempts: await purge("sign_in_attempts", ids.signInAttempts),
    cronRuns: await purge("cron_runs", ids.cronRuns),
    webhookAttempts: await purge("webhook_attempts", ids.webhookAttempts),
    webhookPayloads: await db.$executeRaw(sql`
      UPDATE webhook_notifications SET payload = NULL, response_body = NULL
      WHERE id IN (${ids.webhookPayloads} ORDER BY id LIMIT ${rowLimit})`),
    auditLogs: await purge("audit_logs", ids.auditLogs),
    deletedTicketMedia: await purgeDeletedTicketMedia(db, media, ids.deletedTicketMedia, objectLimit),
    revokedSessions: await pruneRevokedSessions(db, now, rowLimit),
    notifications: await purgeNotifications(db, ids.notifications, rowLimit),
  };
}

/** Notifications past their window, with their pushes' outcomes: one batch, so no outcome outlives its notification. */
async function purgeNotifications(db: Db, selected: Statement, limit: number): Promise<number> {
  const chosen = sql`${selected} ORDER BY id LIMIT ${limit}`;
  const [, notifications] = await writeBatch(db, [
    sql`DELETE FROM notification_pushes WHERE notification_id IN (${chosen})`,
    sql`DELETE FROM notifications WHERE id IN (${chosen})`,
  ]);
  return notifications!.changes;
}

/**
 * Photos and videos of tickets deleted past their window: objects first, then their
 * rows, so a failure between the two only repeats an R2 delete (which succeeds on a
 * missing key) at the next run, and never loses track of a file.
 */
async function purgeDeletedTicketMedia(db: Db, media: R2Bucket, selected: Statement, limit: number): Promise<number> {
  const rows = await db.$queryRaw<{ id: number; file_key: string }[]>(sql`
    SELECT id, file_key FROM media WHERE id IN (${selected} ORDER BY m.id LIMIT ${limit}) ORDER BY id`);
  if (!rows.length) return 0;
  await media.delete(rows.map((r) => r.file_key));
  // At most 100 ids: within D1's 100 bound parameters.
  return db.$executeRaw(sql`DELETE FROM media WHERE id IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => Number(r.id)))}))`);
}
