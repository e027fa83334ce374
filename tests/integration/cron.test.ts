import { describe, expect, it } from "vitest";
import { runScheduledJobs } from "@/cron";
import { recordRun } from "@/cron/record-run";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();

describe("scheduled runs", () => {
  it("are recorded with their start, end and outcome, and logged in the operator's words", async () => {
    const lines: string[] = [];
    const now = new Date("2026-11-23T10:05:00Z");
    const run = await runScheduledJobs(t.db, { cron: "*/5 * * * *", now, env: {}, log: (l) => lines.push(l) });

    const row = await t.db.cronRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row).toMatchObject({ job: "overdue-webhooks", cron: "*/5 * * * *", outcome: "success", error: null });
    expect(row.startedAt.toISOString()).toBe(now.toISOString());
    expect(row.finishedAt).not.toBeNull();
    expect(lines).toEqual([
      "🔔 CRON démarré: 2026-11-23T10:05:00.000Z",
      "📋 CRON: 0 ticket(s) expiré(s) trouvé(s)",
      "⚠️ CRON: aucune URL de webhook configurée : aucune notification envoyée",
      "🎉 CRON terminé: 0/0 notification(s) envoyée(s)",
    ]);
  });

  it("record a failing job as an error with its message, and keep its counts", async () => {
    const run = await recordRun(t.db, { job: "test-job", cron: null, now: new Date("2026-11-23T10:10:00Z") }, async () => {
      throw new Error("D1 indisponible");
    });
    const row = await t.db.cronRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row).toMatchObject({ outcome: "error", error: "D1 indisponible", found: 0, sent: 0 });
  });

  it("store what a job reports", async () => {
    const run = await recordRun(t.db, { job: "test-job", cron: null, now: new Date() }, async () => ({ found: 3, sent: 2, failed: 1 }));
    const row = await t.db.cronRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row).toMatchObject({ outcome: "success", found: 3, sent: 2, failed: 1, skipped: 0 });
  });
});
