import type { Db } from "../lib/db";
import { getSettings } from "../lib/settings/settings";
import { OVERDUE_JOB } from "../lib/webhooks/claims";
import { getWebhookSettings, resolveWebhookConfig, type WebhookEnv } from "../lib/webhooks/config";
import { getRetentionSettings, RETENTION_JOB } from "../lib/retention/settings";
import { sendOverdueWebhooks, type SweepOptions } from "../lib/webhooks/sweep";
import { purgeExpired } from "../lib/retention/purge";
import { recordRun, type RecordedRun } from "./record-run";
import { dispatchNotifications, type NotificationDispatch } from "../lib/notifications/dispatch";
import { notifyOverdueTickets, OVERDUE_NOTIFICATIONS_JOB } from "../lib/notifications/overdue";
import { generatePlanTickets, PLANS_JOB } from "../lib/plans/generate";

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
 * (the deployment guide tells them to look for "🔔 CRON démarré").
 */
export async function runScheduledJobs(db: Db, options: ScheduledOptions): Promise<RecordedRun> {
  const { cron, now, env, log = console.log } = options;
  log(`🔔 CRON démarré: ${now.toISOString()}`);
  const run = await recordRun(db, { job: OVERDUE_JOB, cron, now }, async () => {
    const [settings, webhookSettings] = await Promise.all([getSettings(db), getWebhookSettings(db)]);
    return sendOverdueWebhooks(db, {
      ...options.sweep,
      now,
      config: resolveWebhookConfig(webhookSettings, env),
      timeZone: settings.timeZone,
      trigger: cron ? "cron" : "manual",
      log,
    });
  });
  if (run.outcome === "error") log(`❌ CRON: échec : ${run.error}`);
  log(`🎉 CRON terminé: ${run.sent}/${run.sent + run.failed} notification(s) envoyée(s)`);
  // Preventive tickets on the schedule only, like retention; an admin's "check now" is about webhooks.
  if (cron) await runPlans(db, cron, now, options.dispatch ?? dispatchNotifications, log);
  // People are told on the schedule only, like retention; an admin's "check now" is about webhooks.
  if (cron) await runOverdueNotifications(db, cron, now, env, options.dispatch ?? dispatchNotifications, log);
  // Retention rides on the schedule only, not on an admin's "check now"; recorded as its own run.
  if (cron && options.media) await runRetention(db, cron, now, options.media, log);
  return run;
}

async function runOverdueNotifications(db: Db, cron: string, now: Date, env: WebhookEnv, dispatch: NotificationDispatch, log: (line: string) => void) {
  const run = await recordRun(db, { job: OVERDUE_NOTIFICATIONS_JOB, cron, now }, async () => {
    // The webhook sweep's window: a ticket is told of at most once per window, by webhook and to people alike.
    const { windowMs } = resolveWebhookConfig(await getWebhookSettings(db), env);
    const told = await notifyOverdueTickets(db, { now, windowMs });
    await dispatch(told.notifications);
    return { found: told.tickets, sent: told.notifications.length };
  });
  if (run.outcome === "error") log(`❌ CRON: notifications de retard en échec : ${run.error}`);
  else if (run.sent) log(`🔔 CRON: ${run.sent} notification(s) de retard pour ${run.found} ticket(s)`);
}

/** Each preventive plan's due occurrence becomes one ticket (lib/plans/generate.ts), recorded as its own run. */
export async function runPlans(db: Db, cron: string, now: Date, dispatch: NotificationDispatch, log: (line: string) => void = console.log) {
  const run = await recordRun(db, { job: PLANS_JOB, cron, now }, async () => {
    const { timeZone, ticketPrefix } = await getSettings(db);
    const generated = await generatePlanTickets(db, { now, timeZone, ticketPrefix });
    await dispatch(generated.notifications);
    return { found: generated.found, sent: generated.created, skipped: generated.skipped };
  });
  if (run.outcome === "error") log(`❌ CRON: plans d’entretien en échec : ${run.error}`);
  else if (run.sent) log(`🛠️ CRON: ${run.sent} ticket(s) d’entretien préventif créé(s)`);
  return run;
}

async function runRetention(db: Db, cron: string, now: Date, media: R2Bucket, log: (line: string) => void) {
  const run = await recordRun(db, { job: RETENTION_JOB, cron, now }, async () => {
    const purged = await purgeExpired(db, { now, media, settings: await getRetentionSettings(db) });
    return { found: Object.values(purged).reduce((sum, n) => sum + n, 0), detail: purged };
  });
  if (run.outcome === "error") log(`❌ CRON: purge en échec : ${run.error}`);
  else if (run.found) log(`🧹 CRON: purge : ${JSON.stringify(run.detail)}`);
}
