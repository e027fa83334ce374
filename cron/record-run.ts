import { sql, sqlDate } from "../lib/db/sql";
import { writeBatch } from "../lib/db/batch";
import { type Db } from "../lib/db/client";
import { Prisma } from "../lib/generated/prisma/client";

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
    where: { job: options.job, outcome: "running", startedAt: { lt: abandonedBefore(options.now) } },
    data: { outcome: "error", finishedAt: options.now, error: ABANDONED_ERROR },
  });
  const row = await db.cronRun.create({
    data: { job: options.job, cron: options.cron, startedAt: options.now, outcome: "running" },
    select: { id: true },
  });
  const run = await settleJob(job, clock);
  await db.cronRun.update({
    where: { id: row.id },
    data: { ...counts(run), finishedAt: run.finishedAt, outcome: run.outcome, error: run.error?.slice(0, 1000) ?? null, detail: detailText(run) },
  });
  return { id: row.id, ...run, startedAt: options.now };
}

type SettledJob = Omit<RecordedRun, "id" | "startedAt">;

const abandonedBefore = (now: Date) => new Date(now.getTime() - ABANDONED_AFTER_MS);
const counts = ({ found, sent, failed, skipped }: JobCounts): JobCounts => ({ found, sent, failed, skipped });
const detailText = ({ detail }: { detail?: unknown }) => (detail === undefined ? null : JSON.stringify(detail));

/** Runs a job to its outcome: its counts, or the error that stopped it. */
async function settleJob(job: () => Promise<JobOutcome>, clock: () => Date): Promise<SettledJob> {
  try {
    const { detail, ...jobCounts } = await job();
    return { ...noCounts, ...jobCounts, detail, outcome: "success", error: null, finishedAt: clock() };
  } catch (e) {
    return { ...noCounts, outcome: "error", error: e instanceof Error ? e.message : String(e), finishedAt: clock() };
  }
}

/**
 * The runs of one scheduled invocation, recorded in the order the jobs ran. A job
 * whose question found nothing to do touches D1 no more: its run is kept here and
 * written with the others like it in one batch (closing the runs that died, then one
 * INSERT for all), so an idle invocation records its jobs in two statements instead
 * of three per job. A job with work still gets its "running" row first (recordRun),
 * so a run that dies half-way shows in the history.
 */
export function startRunRecord(db: Db, { cron, now, clock = () => new Date() }: Omit<RecordRunOptions, "job">) {
  const recorded: RecordedRun[] = [];
  let idle: (SettledJob & { job: string })[] = [];

  async function flush() {
    if (!idle.length) return;
    const runs = idle;
    idle = [];
    const rows = runs.map((run) => ({
      job: run.job,
      ...counts(run),
      finishedAt: sqlDate(run.finishedAt),
      outcome: run.outcome,
      error: run.error?.slice(0, 1000) ?? null,
      detail: detailText(run),
    }));
    const [, inserted] = await writeBatch(db, [
      sql`UPDATE cron_runs SET outcome = 'error', finished_at = ${sqlDate(now)}, error = ${ABANDONED_ERROR}
          WHERE job IN (${Prisma.join(runs.map((run) => run.job))}) AND outcome = 'running' AND started_at < ${sqlDate(abandonedBefore(now))}`,
      sql`INSERT INTO cron_runs (job, cron, started_at, finished_at, outcome, found, sent, failed, skipped, error, detail)
          SELECT json_extract(e.value, '$.job'), ${cron}, ${sqlDate(now)}, json_extract(e.value, '$.finishedAt'), json_extract(e.value, '$.outcome'),
                 json_extract(e.value, '$.found'), json_extract(e.value, '$.sent'), json_extract(e.value, '$.failed'), json_extract(e.value, '$.skipped'),
                 json_extract(e.value, '$.error'), json_extract(e.value, '$.detail')
          FROM json_each(${JSON.stringify(rows)}) AS e ORDER BY e.key
          RETURNING id`,
    ]);
    // Inserted in the jobs' order, so their ids ascend in it.
    const ids = inserted!.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
    runs.forEach(({ job: _job, ...run }, i) => recorded.push({ id: ids[i]!, ...run, startedAt: now }));
  }

  return {
    /** Runs one job; `due` is its question's answer: false means it has nothing to do and will not query D1. */
    async run(job: string, due: boolean, work: () => Promise<JobOutcome>): Promise<SettledJob> {
      if (!due) {
        const run = await settleJob(work, clock);
        idle.push({ job, ...run });
        return run;
      }
      // Earlier idle runs first, so the history lists the jobs in the order they ran.
      await flush();
      const run = await recordRun(db, { job, cron, now, clock }, work);
      recorded.push(run);
      return run;
    },
    /** Writes what is left and returns every run, in order. */
    async finish(): Promise<RecordedRun[]> {
      await flush();
      return recorded;
    },
  };
}
