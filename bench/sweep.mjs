// npm run bench:sweep
// The overdue sweep at scale on a real local D1: 10,000 tickets of which 2,000
// overdue, a local receiver answering 200. Prints D1 queries per run, wall time,
// sends per second and peak memory; then how many runs clear the backlog with
// the default settings (50 per run, 200 ms pause). First, the D1 queries of an
// idle scheduled run (every job, retention included, with nothing to do).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { applyMigrationsWithWrangler, ROOT } from "../scripts/lib/migration-diff.mjs";
import { countingD1 } from "./lib/count-d1.mjs";

const { createDb } = await import("../lib/db/client.ts");
const { runScheduledJobs } = await import("../cron/index.ts");

const TOTAL = 10_000;
const OVERDUE = 2_000;
const now = new Date();
const iso = (d) => `'${d.toISOString().replace("Z", "+00:00")}'`;

const persistDir = mkdtempSync(path.join(tmpdir(), "atelier-bench-sweep-"));
applyMigrationsWithWrangler(persistDir);
const proxy = await getPlatformProxy({ configPath: path.join(ROOT, "wrangler.jsonc"), persist: { path: path.join(persistDir, "v3") } });
const raw = proxy.env.DB;

let received = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received++;
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/hook`;

async function seed() {
  await raw.batch([
    raw.prepare(`INSERT INTO users (id, email, name, role, password_hash, created_at, updated_at) VALUES
      (1, 'op@bench.test', 'Luc Bouchard', 'operator', 'x', ${iso(now)}, ${iso(now)}),
      (2, 'tech@bench.test', 'Julie Roy', 'technician', 'x', ${iso(now)}, ${iso(now)})`),
    raw.prepare(`INSERT INTO machines (id, machine_type, model, location, created_at, updated_at) VALUES
      (1, 'Presse hydraulique', 'Schuler 250T', 'Atelier A', ${iso(now)}, ${iso(now)})`),
  ]);
  const statuses = ["in_progress", "waiting_parts", "completed", "received", "diagnostic"];
  for (let start = 0; start < TOTAL; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(TOTAL, start + 500); i++) {
      const overdue = i < OVERDUE;
      const scheduled = overdue ? new Date(now.getTime() - (i + 1) * 60_000) : i % 2 ? new Date(now.getTime() + i * 60_000) : null;
      const status = overdue ? (i % 2 ? "received" : "diagnostic") : statuses[i % statuses.length];
      // Non-overdue received/diagnostic tickets are in the future or unscheduled, so exactly OVERDUE alert.
      rows.push(
        `('B-${i}', 'Ticket ${i}', 'Banc d’essai', 1, '${status}', 'high', 1, ${i % 7 === 0 ? 0 : 2}, ${scheduled ? iso(scheduled) : "NULL"}, ${iso(now)}, ${iso(now)})`,
      );
    }
    await raw
      .prepare(
        `INSERT INTO tickets (ticket_id, title, description, machine_id, status, priority, reported_by, assigned_to, scheduled_date, created_at, updated_at) VALUES ${rows.join(",")}`,
      )
      .run();
  }
}

async function setSettings(values) {
  await raw.batch(
    Object.entries(values).map(([k, v]) =>
      raw.prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ${iso(now)})`).bind(`webhook.${k}`, JSON.stringify(v)),
    ),
  );
}

async function measuredRun(runNow, sleepMs, media) {
  const { d1, counter } = countingD1(raw);
  const db = createDb(d1);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const run = await runScheduledJobs(db, {
    cron: "*/5 * * * *",
    now: runNow,
    env: { WEBHOOK_URL: url, WEBHOOK_ALLOW_PRIVATE: "1", APP_ENV: "local" },
    media,
    log: () => {},
    dispatch: async () => {},
    sweep: { sleep: async (ms) => void (sleepMs.total += ms) },
  });
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  return { run, wallMs, queries: counter.queries, counter, peakRss: Math.max(peak, process.memoryUsage().rss) };
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
try {
  const idle = await measuredRun(now, { total: 0 }, proxy.env.MEDIA);
  console.log(`Idle scheduled run (nothing overdue, no plan due, nothing to purge): ${idle.queries} D1 queries (${idle.counter.batches} batch)`);

  await seed();
  console.log(`Seeded ${TOTAL} tickets, ${OVERDUE} of them overdue, in a fresh local D1.`);

  await setSettings({ pauseMs: 0, maxPerRun: 2000 });
  const pauses = { total: 0 };
  const big = await measuredRun(now, pauses);
  console.log("\nOne run, max per run 2,000, pause 0:");
  console.log(`  found ${big.run.found}, sent ${big.run.sent}, failed ${big.run.failed}, receiver got ${received}`);
  console.log(`  D1 queries: ${big.queries} (${big.queries - 2 * big.run.sent} fixed + 2 per sent ticket)`);
  console.log(`  wall time: ${(big.wallMs / 1000).toFixed(2)} s; ${(big.run.sent / (big.wallMs / 1000)).toFixed(0)} sends/s`);
  console.log(`  peak memory (this Node process, RSS): ${mib(big.peakRss)}`);

  const again = await measuredRun(new Date(now.getTime() + 5 * 60_000), pauses);
  console.log(`  next run 5 min later: ${again.run.sent} sent (window holds), ${again.queries} D1 queries`);

  // Default settings on a fresh backlog: the same 2,000 tickets 25 h later.
  await setSettings({ pauseMs: 200, maxPerRun: 50 });
  let runs = 0;
  let sent = 0;
  let simulatedPauseMs = 0;
  let wallMs = 0;
  const start = new Date(now.getTime() + 25 * 60 * 60_000);
  while (sent < OVERDUE && runs < 100) {
    const paused = { total: 0 };
    const r = await measuredRun(new Date(start.getTime() + runs * 5 * 60_000), paused);
    runs++;
    sent += r.run.sent;
    simulatedPauseMs += paused.total;
    wallMs += r.wallMs;
  }
  console.log("\nDefault settings (max 50 per run, 200 ms pause), backlog of 2,000:");
  console.log(`  ${runs} runs clear it: ${((runs * 5) / 60).toFixed(1)} h at one run every 5 minutes`);
  console.log(
    `  per run: ${(wallMs / runs / 1000).toFixed(2)} s of work + ${(simulatedPauseMs / runs / 1000).toFixed(1)} s of pauses (pauses counted, not slept)`,
  );
} finally {
  server.close();
  await proxy.dispose();
  rmSync(persistDir, { recursive: true, force: true });
}
