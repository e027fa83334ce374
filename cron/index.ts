import type { Db } from "../lib/db";
import { getSettings } from "../lib/settings/settings";
import { OVERDUE_JOB } from "../lib/webhooks/claims";
import { getWebhookSettings, resolveWebhookConfig, type WebhookEnv } from "../lib/webhooks/config";
import { sendOverdueWebhooks, type SweepOptions } from "./overdue-webhooks";
import { recordRun, type RecordedRun } from "./record-run";

export interface ScheduledOptions {
  /** The cron expression that fired, or null for a run an admin started by hand. */
  cron: string | null;
  now: Date;
  env: WebhookEnv;
  log?: (line: string) => void;
  /** For tests: a shorter delivery timeout, a fixed claim token. */
  sweep?: Pick<SweepOptions, "timeoutMs" | "token" | "fetch" | "sleep">;
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
  return run;
}
