import { expect, test } from "@playwright/test";
import { queryD1 } from "../fixtures/d1";

test("the cron trigger records a finished run", async ({ request }) => {
  const before = (await queryD1<{ id: number }>("SELECT COALESCE(MAX(id), 0) AS id FROM cron_runs"))[0]!.id;

  const response = await request.get("/__scheduled?cron=*/5+*+*+*+*");
  expect(response.ok()).toBe(true);

  // The trigger answers at once; the run itself goes on in waitUntil (worker.ts).
  await expect
    .poll(
      async () =>
        (await queryD1<{ job: string; outcome: string }>(`SELECT job, outcome FROM cron_runs WHERE id > ${before} ORDER BY id`)).map((r) => [r.job, r.outcome]),
      { timeout: 30_000 },
    )
    // One row per job: the overdue sweep, the preventive plans, the overdue notifications, the guests' expiry, then the retention purge (cron/index.ts).
    .toEqual([
      ["overdue-webhooks", "success"],
      ["preventive-plans", "success"],
      ["overdue-notifications", "success"],
      ["guest-expiry", "success"],
      ["retention", "success"],
    ]);
  const [run] = await queryD1<{ job: string; cron: string; started_at: string; finished_at: string }>(
    `SELECT job, cron, started_at, finished_at FROM cron_runs WHERE id > ${before} ORDER BY id`,
  );
  expect(run).toMatchObject({ job: "overdue-webhooks", cron: "*/5 * * * *" });
  expect(Date.parse(run!.finished_at)).toBeGreaterThanOrEqual(Date.parse(run!.started_at));
});
