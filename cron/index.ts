import type { Db } from "../lib/db/client";
import type { Statement } from "../lib/db/sql";
import { askQuestions } from "../lib/job-questions";
import { getSettingRows, parseSettings } from "../lib/settings/settings";
import { OVERDUE_JOB, sweepQuestions } from "../lib/webhooks/claims";
import { parseWebhookSettings, resolveWebhookConfig, type WebhookEnv } from "../lib/webhooks/config";
import { parseRetentionSettings, RETENTION_JOB } from "../lib/retention/settings";
import { sendOverdueWebhooks, type SweepOptions } from "../lib/webhooks/sweep";
import { purgeExpired, purgeQuestion } from "../lib/retention/purge";
import { recordRun, startRunRecord, type JobOutcome, type RecordedRun } from "./record-run";
import { dispatchNotifications, type NotificationDispatch } from "../lib/notifications/dispatch";
import { notifyOverdueTickets, OVERDUE_NOTIFICATIONS_JOB, overdueNotificationsQuestion } from "../lib/notifications/overdue";
import { generatePlanTickets, PLANS_JOB, plansQuestion } from "../lib/plans/generate";
import { endExpiredGuests, expiredGuestsQuestion, GUEST_EXPIRY_JOB } from "../lib/accounts/guests";

export interface ScheduledOptions {
  /** The cron expression that fired, or null for a run an admin started by hand. */
  cron: string | null;
  now: Date;
  env: WebhookEnv;
  /** The R2 bucket of photos and videos: given, the scheduled run also purges what outlived its retention. */
  media?: R2Bucket;
  log?: (line: string) => void;
  /** Where overdue notifications go once written (lib/notifications/dispatch.ts by default); tests collect them. */
  dispatch?: NotificationDispatch;
  /** A manual run's shorter budget; for tests: a shorter delivery timeout, a fixed claim token, a clock. */
  sweep?: Pick<SweepOptions, "timeoutMs" | "token" | "fetch" | "sleep" | "budgetMs" | "elapsedMs">;
}

/**
 * Everything the worker's `scheduled` handler does, as a plain function of
 * (db, now, config): recorded in cron_runs and logged in the operator's words
 * (the deployment guide tells them to look for "🔔 CRON démarré"). The jobs'
 * logic lives in their domains; here they are ordered, asked whether they have
 * anything to do (one query for all), and recorded. A run with nothing to do
 * costs four D1 queries: the settings, the questions, and the runs' two-statement batch.
 */
export async function runScheduledJobs(db: Db, options: ScheduledOptions): Promise<RecordedRun> {
  const { cron, now, env, media, log = console.log } = options;
  const dispatch = options.dispatch ?? dispatchNotifications;
  log(`🔔 CRON démarré: ${now.toISOString()}`);

  const rows = await getSettingRows(db);
  const { timeZone, ticketPrefix, appUrl } = parseSettings(rows);
  const webhooks = resolveWebhookConfig(parseWebhookSettings(rows), env, appUrl);
  const retention = parseRetentionSettings(rows);
  // A ticket is told of at most once per window, by webhook and to people alike.
  const windowStart = new Date(now.getTime() - webhooks.windowMs);
  // Preventive tickets, people's notifications and retention ride on the schedule
  // only: an admin's "check now" (cron null) is about webhooks.
  const scheduled = cron !== null;
  const answers = await askQuestions(db, now, {
    ...sweepQuestions(windowStart),
    ...(scheduled ? { plans: plansQuestion(), overdueNotifications: overdueNotificationsQuestion(windowStart), guests: expiredGuestsQuestion() } : {}),
    ...(scheduled && media ? { retention: purgeQuestion(now, retention) } : {}),
  } as Record<string, Statement>);
  const due = (question: string) => (answers[question] ?? 0) > 0;

  const record = startRunRecord(db, { cron, now });
  // The sweep runs even when idle: it logs what it found and why nothing leaves (switched off, no URL).
  const sweep = await record.run(OVERDUE_JOB, due("webhooksDue"), () =>
    sendOverdueWebhooks(db, {
      ...options.sweep,
      now,
      config: webhooks,
      timeZone,
      trigger: scheduled ? "cron" : "manual",
      log,
      answer: { found: answers.webhooksFound ?? 0, due: due("webhooksDue") },
    }),
  );
  if (sweep.outcome === "error") log(`❌ CRON: échec : ${sweep.error}`);

  if (scheduled) {
    const plans = await record.run(PLANS_JOB, due("plans"), async () =>
      due("plans") ? generatePlans(db, { now, timeZone, ticketPrefix }, dispatch) : {},
    );
    logPlans(plans, log);

    const told = await record.run(OVERDUE_NOTIFICATIONS_JOB, due("overdueNotifications"), async () => {
      if (!due("overdueNotifications")) return {};
      const result = await notifyOverdueTickets(db, { now, windowMs: webhooks.windowMs });
      await dispatch(result.notifications);
      return { found: result.tickets, sent: result.notifications.length };
    });
    if (told.outcome === "error") log(`❌ CRON: notifications de retard en échec : ${told.error}`);
    else if (told.sent) log(`🔔 CRON: ${told.sent} notification(s) de retard pour ${told.found} ticket(s)`);
  }

  if (scheduled) {
    // Guests past their date: their sessions end and their open pages close now, not at their next request.
    const guests = await record.run(GUEST_EXPIRY_JOB, due("guests"), async () => {
      if (!due("guests")) return {};
      const ended = await endExpiredGuests(db, now);
      return { found: ended.length, sent: ended.length };
    });
    if (guests.outcome === "error") log(`❌ CRON: fin des accès invités en échec : ${guests.error}`);
    else if (guests.sent) log(`🔒 CRON: accès invité terminé pour ${guests.sent} compte(s)`);
  }

  if (scheduled && media) {
    const purged = await record.run(RETENTION_JOB, due("retention"), async () => {
      if (!due("retention")) return {};
      const counts = await purgeExpired(db, { now, media, settings: retention });
      return { found: Object.values(counts).reduce((sum, n) => sum + n, 0), detail: counts };
    });
    if (purged.outcome === "error") log(`❌ CRON: purge en échec : ${purged.error}`);
    else if (purged.found) log(`🧹 CRON: purge : ${JSON.stringify(purged.detail)}`);
  }

  const [run] = await record.finish();
  log(`🎉 CRON terminé: ${sweep.sent}/${sweep.sent + sweep.failed} notification(s) envoyée(s)`);
  return run!;
}

/** Each preventive plan's due occurrence becomes one ticket (lib/plans/generate.ts), recorded as its own run. */
export async function runPlans(db: Db, cron: string, now: Date, dispatch: NotificationDispatch, log: (line: string) => void = console.log) {
  const { timeZone, ticketPrefix } = parseSettings(await getSettingRows(db));
  const run = await recordRun(db, { job: PLANS_JOB, cron, now }, () => generatePlans(db, { now, timeZone, ticketPrefix }, dispatch));
  logPlans(run, log);
  return run;
}

async function generatePlans(db: Db, options: Parameters<typeof generatePlanTickets>[1], dispatch: NotificationDispatch): Promise<JobOutcome> {
  const generated = await generatePlanTickets(db, options);
  await dispatch(generated.notifications);
  return { found: generated.found, sent: generated.created, skipped: generated.skipped };
}

function logPlans(run: { outcome: string; error: string | null; sent: number }, log: (line: string) => void) {
  if (run.outcome === "error") log(`❌ CRON: plans d’entretien en échec : ${run.error}`);
  else if (run.sent) log(`🛠️ CRON: ${run.sent} ticket(s) d’entretien préventif créé(s)`);
}
