import { describe, expect, it } from "vitest";
import { runScheduledJobs } from "@/cron";
import { ABANDONED_ERROR, recordRun } from "@/cron/record-run";
import { createDb } from "@/lib/db/client";
import { countingD1 } from "./helpers/counting-d1";
import { createTestDatabase, freshDatabase } from "./helpers/local-d1";

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

describe("a scheduled run with nothing to do", () => {
  it("costs at most 5 D1 queries, webhooks configured, and still records every job and logs its start and end", async () => {
    // Its own database: nothing overdue, no plan, nothing past its retention window.
    const idle = await createTestDatabase();
    try {
      const { d1, statements } = countingD1(idle.d1);
      const lines: string[] = [];
      const now = new Date();
      const env = { WEBHOOK_URL: "https://hooks.example.com/catch/1", APP_URL: "https://atelier.example.com" };
      const run = await runScheduledJobs(createDb(d1), { cron: "*/5 * * * *", now, env, media: idle.media, log: (l) => lines.push(l) });

      expect(statements.length).toBeLessThanOrEqual(5);
      const rows = await idle.db.cronRun.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((r) => [r.job, r.outcome, r.found])).toEqual([
        ["overdue-webhooks", "success", 0],
        ["preventive-plans", "success", 0],
        ["overdue-notifications", "success", 0],
        ["guest-expiry", "success", 0],
        ["retention", "success", 0],
      ]);
      expect(rows[0]!.id).toBe(run.id);
      expect(rows.every((r) => r.startedAt.getTime() === now.getTime() && r.finishedAt && r.cron === "*/5 * * * *")).toBe(true);
      expect(lines[0]).toBe(`🔔 CRON démarré: ${now.toISOString()}`);
      expect(lines.at(-1)).toBe("🎉 CRON terminé: 0/0 notification(s) envoyée(s)");
    } finally {
      await idle.close();
    }
  });

  it("closes a run that died long ago when it records its own", async () => {
    const now = new Date("2026-11-24T08:00:00Z");
    const dead = await t.db.cronRun.create({ data: { job: "preventive-plans", cron: "*/5 * * * *", startedAt: new Date(now.getTime() - 60 * 60_000), outcome: "running" } });
    await runScheduledJobs(t.db, { cron: "*/5 * * * *", now, env: {}, log: () => {} });
    expect(await t.db.cronRun.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ outcome: "error", error: ABANDONED_ERROR });
  });
});
