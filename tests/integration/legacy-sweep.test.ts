// The seed guide's promise, "no duplicates", kept across the move: after the
// sample export is imported, the scheduled run (cron/) sends no overdue webhook
// for a ticket the old system already reported within the window, and sends one,
// once, for an overdue ticket it never reported. Against a real HTTP receiver.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScheduledJobs } from "@/cron";
import { exportFile, runImport, sampleExport, scratch } from "./helpers/legacy-import";
import { openTestDatabase, type TestDatabase } from "./helpers/local-d1";
import { startReceiver } from "./helpers/receiver";

// The old cron sent its last alerts at 2026-12-06 20:20 UTC; the plant stopped it and moved
// the next morning, inside the 24-hour window. Overdue then (assigned, scheduled in the past,
// received or in diagnostic): five tickets, of which the old system had reported four. Its
// report on ticket 37 (TKT-M001-20261119-001) is taken out of the export: a ticket that
// became overdue after the old cron's last run.
const afterTheMove = new Date("2026-12-07T08:00:00.000Z");
const unreported = "TKT-M001-20261119-001";
const exportText = sampleExport().replace(/^INSERT INTO "webhook_notifications" VALUES\(5,37,.*\n/m, "");

describe("the overdue sweep after an import", () => {
  let t: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    expect(exportText).not.toBe(sampleExport());
    const dir = scratch();
    const imported = runImport([exportFile(dir, exportText), "--persist-to", path.join(dir, "d1")]);
    expect(imported.status, imported.stderr).toBe(0);
    t = await openTestDatabase(path.join(dir, "d1"));
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  const run = (now: Date) =>
    runScheduledJobs(t.db, {
      cron: "*/5 * * * *",
      now,
      // The imported settings turned alerts on; the receiver stands in for Pabbly.
      env: { WEBHOOK_URL: receiver.url, WEBHOOK_ALLOW_PRIVATE: "1", APP_URL: "https://atelier.example.com" },
      log: () => {},
      dispatch: async () => {},
      sweep: { elapsedMs: () => 0, sleep: async () => {} },
    });

  it("sends nothing for the tickets the old system reported, and one webhook for the one it never did", async () => {
    await run(afterTheMove);
    expect(receiver.requests.map((r) => r.json.ticket_id)).toEqual([unreported]);
    const runs = await t.db.cronRun.findMany({ where: { job: "overdue-webhooks" } });
    expect(runs.map((r) => [r.found, r.sent, r.failed])).toEqual([[5, 1, 0]]);
  });

  it("does not send it again on the next run", async () => {
    await run(new Date(afterTheMove.getTime() + 5 * 60_000));
    expect(receiver.requests).toHaveLength(1);
    const notified = await t.db.webhookNotification.findMany({ where: { ticket: { ticketId: unreported } } });
    expect(notified.map((n) => n.deliveryStatus)).toEqual(["sent"]);
  });
});
