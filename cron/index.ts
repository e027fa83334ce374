import type { Db } from "../lib/db";
import { recordRun, type RecordedRun } from "./record-run";

export interface ScheduledOptions {
  cron: string;
  now: Date;
  log?: (line: string) => void;
}

/**
 * Everything the worker's `scheduled` handler does, as a plain function of
 * (db, now, config): recorded in cron_runs and logged in the operator's words
 * (the deployment guide tells them to look for "🔔 CRON démarré").
 */
export async function runScheduledJobs(db: Db, { cron, now, log = console.log }: ScheduledOptions): Promise<RecordedRun> {
  log(`🔔 CRON démarré: ${now.toISOString()}`);
  const run = await recordRun(db, { job: "scheduled", cron, now }, async () => ({}));
  if (run.outcome === "error") log(`❌ CRON: échec: ${run.error}`);
  log(`🎉 CRON terminé: ${run.sent}/${run.found} notification(s) envoyée(s)`);
  return run;
}
