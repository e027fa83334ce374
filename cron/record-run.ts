import type { Db } from "../lib/db";

export interface JobCounts {
  found: number;
  sent: number;
  failed: number;
  skipped: number;
}

/** What a job returns: its counts, and optionally details kept as JSON in cron_runs.detail. */
export type JobOutcome = Partial<JobCounts> & { detail?: unknown };

export interface RecordedRun extends JobCounts {
  id: number;
  outcome: "success" | "error";
  error: string | null;
  detail?: unknown;
  startedAt: Date;
  finishedAt: Date;
}

export interface RecordRunOptions {
  job: string;
  cron: string | null;
  now: Date;
  /** Wall clock for the end time; tests pass a fixed one. */
  clock?: () => Date;
}

// The platform stops a Cron Trigger invocation after 15 minutes of wall time, and
// nothing of the run (no finally) is left to write its end: a row still "running"
// past this is a run that died, and the next run of the job says so.
export const ABANDONED_AFTER_MS = 20 * 60_000;
export const ABANDONED_ERROR = "exécution interrompue avant sa fin (limite de la plateforme ou worker arrêté)";

const noCounts: JobCounts = { found: 0, sent: 0, failed: 0, skipped: 0 };

/**
 * Runs one job between a "running" row and its final outcome, so a run that
 * dies half-way still shows up in the history: as running, until the job's next
 * run closes it as interrupted.
 */
export async function recordRun(
  db: Db,
  options: RecordRunOptions,
  job: () => Promise<JobOutcome>,
): Promise<RecordedRun> {
  const clock = options.clock ?? (() => new Date());
  await db.cronRun.updateMany({
    where: { job: options.job, outcome: "running", startedAt: { lt: new Date(options.now.getTime() - ABANDONED_AFTER_MS) } },
    data: { outcome: "error", finishedAt: options.now, error: ABANDONED_ERROR },
  });
  const row = await db.cronRun.create({
    data: { job: options.job, cron: options.cron, startedAt: options.now, outcome: "running" },
    select: { id: true },
  });
  let counts = noCounts;
  let detail: unknown;
  let error: string | null = null;
  try {
    const { detail: jobDetail, ...jobCounts } = await job();
    counts = { ...noCounts, ...jobCounts };
    detail = jobDetail;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const finishedAt = clock();
  const outcome = error ? "error" : "success";
  await db.cronRun.update({
    where: { id: row.id },
    data: { ...counts, finishedAt, outcome, error: error?.slice(0, 1000) ?? null, detail: detail === undefined ? null : JSON.stringify(detail) },
  });
  return { id: row.id, ...counts, outcome, error, detail, startedAt: options.now, finishedAt };
}
