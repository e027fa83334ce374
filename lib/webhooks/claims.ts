// The claim-and-record side of overdue webhooks, as single SQL statements:
// D1 has no interactive transactions, but each statement is atomic and D1 runs
// them one at a time, so a claim can never be taken twice.
import { sql, sqlDate, sqlName, type Statement } from "../db/sql";
import { writeBatch } from "../db/batch";
import { type Db } from "../db/client";
import type { OverdueTicket } from "./payload";
import { OVERDUE_SQL } from "../tickets/model";
import { nextRetryAt } from "./retry";
import type { DeliveryResult } from "./delivery";

/** The cron_runs job name of the sweep. */
export const OVERDUE_JOB = "overdue-webhooks";

// A ticket alerts while it is overdue: OVERDUE_SQL, the rule's SQL form (lib/tickets/model.ts).

/** Retries waiting for a ticket that is no longer overdue (rescheduled, moved on, deleted) stop here. */
export async function cancelStaleRetries(db: Db, now: Date): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE webhook_notifications SET delivery_status = 'cancelled', claim_token = NULL, next_attempt_at = NULL, updated_at = ?1
     WHERE delivery_status = 'pending' AND ticket_id NOT IN (SELECT t.id FROM tickets t WHERE ${OVERDUE_SQL})`,
    sqlDate(now),
  );
}

export interface ClaimOptions {
  now: Date;
  token: string;
  leaseUntil: Date;
  limit: number;
}

/**
 * Takes retries that are due, and claims whose run died (lease expired), for this
 * run: one UPDATE, so two overlapping runs cannot both take the same row.
 */
export async function claimDueRetries(db: Db, { now, token, leaseUntil, limit }: ClaimOptions): Promise<number> {
  if (limit <= 0) return 0;
  return db.$executeRawUnsafe(
    `UPDATE webhook_notifications SET delivery_status = 'sending', claim_token = ?2, claimed_until = ?3, updated_at = ?1
     WHERE id IN (
       SELECT w.id FROM webhook_notifications w JOIN tickets t ON t.id = w.ticket_id
       WHERE ((w.delivery_status = 'pending' AND w.next_attempt_at <= ?1)
           OR (w.delivery_status = 'sending' AND w.claimed_until < ?1))
         AND ${OVERDUE_SQL}
       ORDER BY t.scheduled_date ASC, t.id ASC
       LIMIT ?4)`,
    sqlDate(now),
    token,
    sqlDate(leaseUntil),
    limit,
  );
}

/** Ticket t has no notification open, and none delivered or given up on since `since` (the window's start). */
function notNotifiedSince(since: Statement): Statement {
  return sql`NOT EXISTS (
    SELECT 1 FROM webhook_notifications w WHERE w.ticket_id = t.id AND (
         w.delivery_status IN ('pending', 'sending')
      OR (w.delivery_status = 'sent' AND w.sent_at > ${since})
      OR (w.delivery_status = 'failed' AND w.last_attempt_at > ${since})))`;
}

/**
 * The sweep's question (lib/job-questions.ts), in two numbers: the overdue tickets
 * (the run's "found"), and whether anything is to be sent or cancelled: a retry
 * waiting, a claim held, or an overdue ticket nobody was told of within the window.
 * With nothing of that, the sweep's claims would all change no row.
 */
export function sweepQuestions(windowStart: Date): { webhooksFound: Statement; webhooksDue: Statement } {
  return {
    webhooksFound: sql`SELECT COUNT(*) FROM tickets t WHERE ${sqlName(OVERDUE_SQL)}`,
    webhooksDue: sql`SELECT EXISTS (SELECT 1 FROM webhook_notifications WHERE delivery_status IN ('pending', 'sending'))
      OR EXISTS (SELECT 1 FROM tickets t WHERE ${sqlName(OVERDUE_SQL)} AND ${notNotifiedSince(sql`${sqlDate(windowStart)}`)})`,
  };
}

/**
 * Creates and claims a notification for each overdue ticket that has none open,
 * none delivered within the window, and none given up on within the window:
 * one INSERT ... SELECT, atomic, oldest overdue first.
 */
export async function claimNewNotifications(
  db: Db,
  { now, token, leaseUntil, limit, windowStart, url }: ClaimOptions & { windowStart: Date; url: string },
): Promise<number> {
  if (limit <= 0) return 0;
  return db.$executeRawUnsafe(
    `INSERT INTO webhook_notifications
       (ticket_id, notification_type, webhook_url, webhook_id, delivery_status, attempts, claim_token, claimed_until, created_at, updated_at)
     SELECT t.id, 'overdue_scheduled', ?6, 'msg_' || lower(hex(randomblob(16))), 'sending', 0, ?2, ?3, ?1, ?1
     FROM tickets t
     WHERE ${OVERDUE_SQL} AND ${notNotifiedSince(sqlName("?5")).sql}
     ORDER BY t.scheduled_date ASC, t.id ASC
     LIMIT ?4`,
    sqlDate(now),
    token,
    sqlDate(leaseUntil),
    limit,
    sqlDate(windowStart),
    url,
  );
}

/**
 * Gives back what a run claimed and did not send (it stopped near the platform's
 * limits, or failed): due again at once, so the next run takes it, with the same
 * webhook-id, instead of waiting for the lease to lapse.
 */
export async function releaseClaims(db: Db, token: string, now: Date): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE webhook_notifications SET delivery_status = 'pending', next_attempt_at = ?2, claim_token = NULL, claimed_until = NULL, updated_at = ?2
     WHERE claim_token = ?1 AND delivery_status = 'sending'`,
    token,
    sqlDate(now),
  );
}

export interface ClaimedNotification {
  notificationId: number;
  webhookId: string;
  attempts: number;
  payload: string | null;
  ticket: OverdueTicket;
}

interface ClaimedRow {
  notification_id: number;
  webhook_id: string;
  attempts: number;
  payload: string | null;
  id: number;
  ticket_id: string;
  title: string;
  description: string;
  priority: string;
  status: string;
  status_name_fr: string | null;
  scheduled_date: string;
  created_at: string;
  machine_type: string;
  machine_model: string | null;
  machine_location: string | null;
  reporter_name: string;
  assignee_name: string | null;
}

/** Everything this run claimed, with what the payload needs: one query whatever the count. */
export async function loadClaimed(db: Db, token: string): Promise<ClaimedNotification[]> {
  const rows = await db.$queryRawUnsafe<ClaimedRow[]>(
    `SELECT w.id AS notification_id, w.webhook_id, w.attempts, w.payload,
            t.id, t.ticket_id, t.title, t.description, t.priority, t.status, c.name_fr AS status_name_fr, t.scheduled_date, t.created_at,
            m.machine_type, m.model AS machine_model, m.location AS machine_location,
            r.name AS reporter_name, a.name AS assignee_name
     FROM webhook_notifications w
     JOIN tickets t ON t.id = w.ticket_id
     JOIN machines m ON m.id = t.machine_id
     JOIN users r ON r.id = t.reported_by
     LEFT JOIN users a ON a.id = t.assigned_to AND t.assigned_to <> 0
     LEFT JOIN board_columns c ON c.key = t.status
     WHERE w.claim_token = ?1
     ORDER BY t.scheduled_date ASC, t.id ASC`,
    token,
  );
  return rows.map((r) => ({
    notificationId: Number(r.notification_id),
    webhookId: r.webhook_id,
    attempts: Number(r.attempts),
    payload: r.payload,
    ticket: {
      id: Number(r.id),
      ticketId: r.ticket_id,
      title: r.title,
      description: r.description,
      priority: r.priority,
      status: r.status,
      statusNameFr: r.status_name_fr,
      machineType: r.machine_type,
      machineModel: r.machine_model,
      machineLocation: r.machine_location,
      scheduledDate: new Date(r.scheduled_date),
      createdAt: new Date(r.created_at),
      reporterName: r.reporter_name,
      assigneeName: r.assignee_name,
    },
  }));
}

export type AttemptTrigger = "cron" | "manual" | "resend";

export interface AttemptRecord {
  notificationId: number;
  /** The claim this run holds; null for an admin's resend (no claim involved). */
  token: string | null;
  attemptNumber: number;
  payload: string;
  startedAt: Date;
  result: DeliveryResult;
  trigger: AttemptTrigger;
}

/**
 * The attempt row and the notification's new state, in one D1 batch: an attempt
 * is never logged without its notification moving on, nor the other way round.
 * Success starts the window (sent_at); a failure schedules the next try or gives up.
 */
export async function recordAttempt(db: Db, attempt: AttemptRecord): Promise<"sent" | "pending" | "failed"> {
  const { result, startedAt } = attempt;
  const body = result.body?.slice(0, 1024) ?? null;
  const retryAt = result.ok ? null : nextRetryAt(attempt.attemptNumber, startedAt);
  const status = result.ok ? "sent" : retryAt ? "pending" : "failed";
  await writeBatch(db, [
    sql`INSERT INTO webhook_attempts (notification_id, attempt_number, trigger, started_at, duration_ms, response_status, response_body, error)
        VALUES (${attempt.notificationId}, ${attempt.attemptNumber}, ${attempt.trigger}, ${startedAt}, ${result.durationMs},
                ${result.status}, ${body}, ${result.error})`,
    sql`UPDATE webhook_notifications
        SET delivery_status = ${status}, attempts = ${attempt.attemptNumber}, payload = ${attempt.payload}, last_attempt_at = ${startedAt},
            response_status = ${result.status}, response_body = ${body}, last_error = ${result.error},
            sent_at = ${result.ok ? sql`${startedAt}` : sql`sent_at`}, next_attempt_at = ${retryAt},
            claim_token = NULL, claimed_until = NULL, updated_at = ${new Date()}
        WHERE id = ${attempt.notificationId} ${attempt.token ? sql`AND claim_token = ${attempt.token}` : sql``}`,
  ]);
  return status;
}
