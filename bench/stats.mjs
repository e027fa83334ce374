// `npm run bench:stats`: the reliability figures (/stats) at 20,000 tickets and
// 200 machines, on a local D1 of its own (.wrangler/bench-stats). Prints, does
// not assert:
//  - the figures' own server time (lib/reliability/queries.ts against the local
//    D1, as the worker runs it): p50 / p95 over RUNS runs and the D1 queries
//    it made, for 30 days, 90 days and a whole year, and D1's own execution
//    time of those queries (meta.duration, replayed: see count-d1.mjs);
//  - the /stats page on the built worker, as a supervisor: p50 / p95 response
//    time and the D1 queries per render (session, settings and the figures),
//    counted by the worker itself (BENCH_LOG_QUERIES=1, see lib/db/query-log.ts).
import { rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import { buildWorker, migrateLocal, seedLocal, step } from "../scripts/lib/common.mjs";
import { openLocalDb } from "../scripts/lib/local-d1.mjs";
import { waitForServer } from "../scripts/lib/local-worker.mjs";
import { stats, timePage } from "./lib/page-timing.mjs";
import { countingD1, d1Duration } from "./lib/count-d1.mjs";
import { startQueryLoggingWorker } from "./lib/query-logging-worker.mjs";
import { createDb } from "../lib/db/client.ts";
import { loadReliability } from "../lib/reliability/queries.ts";
import { demoAccounts } from "../prisma/seed.ts";
import { cookieHeader, signInAs } from "./lib/sign-in.mjs";

const STATE = ".wrangler/bench-stats";
const PORT = Number(process.env.BENCH_PORT ?? 8796);
const ORIGIN = `http://localhost:${PORT}`;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 20_000);
const MACHINES = 200;
const DAYS = 365;
/** One stop per machine about every 10 days over the year; one machine in ten is down now. */
const STOP_EVERY_DAYS = 10;
const RUNS = 30;
const REQUESTS = 20;
const BATCH = 50;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STATUSES = ["received", "diagnostic", "in_progress", "waiting_parts", "completed", "archived"];
const TYPES = ["Presse hydraulique", "Tour CNC", "Convoyeur", "Robot de soudure", "Compresseur", "Plieuse"];

const stamp = (date) => date.toISOString().replace("Z", "+00:00");

async function insertInBatches(d1, sql, rows) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await d1.batch(rows.slice(i, i + BATCH).map((values) => d1.prepare(sql).bind(...values)));
  }
}

/** Machines a year old, tickets spread over the year (a third closed, each with its closing event), and stops. */
async function fill(d1, now) {
  const count = async (sql) => (await d1.prepare(sql).first()).n;
  const created = stamp(new Date(now - DAYS * DAY - DAY));
  const haveMachines = await count("SELECT COUNT(*) AS n FROM machines WHERE serial_number LIKE 'ST-%'");
  await insertInBatches(
    d1,
    "INSERT INTO machines (machine_type, model, serial_number, location, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?5)",
    Array.from({ length: MACHINES }, (_, i) => [TYPES[i % TYPES.length], `Modèle ${i}`, `ST-${String(i).padStart(5, "0")}`, `Ligne ${i % 12}`, created]).slice(haveMachines),
  );
  const machineIds = (await d1.prepare("SELECT id FROM machines WHERE serial_number LIKE 'ST-%' ORDER BY id").all()).results.map((r) => r.id);
  const people = (await d1.prepare("SELECT id FROM users WHERE role IN ('technician', 'supervisor') ORDER BY id").all()).results.map((r) => r.id);
  const reporters = (await d1.prepare("SELECT id FROM users ORDER BY id").all()).results.map((r) => r.id);
  const haveTickets = await count("SELECT COUNT(*) AS n FROM tickets WHERE ticket_id LIKE 'STAT-%'");
  const spacing = (DAYS * DAY) / TICKETS;
  const ticketRows = Array.from({ length: TICKETS - haveTickets }, (_, k) => {
    const i = haveTickets + k;
    const at = new Date(now - i * spacing);
    const status = STATUSES[i % STATUSES.length];
    const scheduled = i % 4 === 0 ? stamp(new Date(at.getTime() + 2 * DAY)) : null;
    return [`STAT-${String(i).padStart(5, "0")}`, `Panne n° ${i}`, machineIds[i % MACHINES], status, reporters[i % reporters.length], people[i % people.length], scheduled, stamp(at)];
  });
  await insertInBatches(
    d1,
    "INSERT INTO tickets (ticket_id, title, machine_id, status, reported_by, assigned_to, scheduled_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?8)",
    ticketRows,
  );
  // Closing events for the closed tickets that have none yet: from 1 to 48 hours after the report.
  const closed = (
    await d1
      .prepare(
        "SELECT t.id, t.created_at, t.assigned_to FROM tickets t WHERE t.ticket_id LIKE 'STAT-%' AND t.status IN ('completed', 'archived') AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id)",
      )
      .all()
  ).results;
  await insertInBatches(
    d1,
    "INSERT INTO ticket_events (ticket_id, actor_id, type, from_value, to_value, created_at) VALUES (?, ?, 'status', 'in_progress', 'completed', ?)",
    closed.map((t, i) => [t.id, t.assigned_to, stamp(new Date(Date.parse(t.created_at) + ((i % 48) + 1) * HOUR))]),
  );
  // Stops, each held by one of the machine's tickets. Counted on the bench's own machines: the demo
  // seed has stops of its own, and counting those skipped this fill (8 stops instead of ~7,000).
  if (!(await count("SELECT COUNT(*) AS n FROM machine_downtimes d JOIN machines m ON m.id = d.machine_id WHERE m.serial_number LIKE 'ST-%'"))) {
    const ticketOf = new Map((await d1.prepare("SELECT machine_id, MIN(id) AS id FROM tickets WHERE ticket_id LIKE 'STAT-%' GROUP BY machine_id").all()).results.map((r) => [r.machine_id, r.id]));
    const stops = [];
    const open = [];
    machineIds.forEach((machineId, m) => {
      for (let start = now - DAYS * DAY + (m % STOP_EVERY_DAYS) * DAY; start < now - DAY; start += STOP_EVERY_DAYS * DAY) {
        const end = start + ((stops.length % 20) + 1) * HOUR;
        stops.push([machineId, ticketOf.get(machineId), stamp(new Date(start)), stamp(new Date(end)), people[0]]);
      }
      if (m % 10 === 0) open.push([machineId, ticketOf.get(machineId), stamp(new Date(now - 5 * HOUR)), null, people[0]]);
    });
    await insertInBatches(d1, "INSERT INTO machine_downtimes (machine_id, ticket_id, started_at, ended_at, started_by) VALUES (?, ?, ?, ?, ?)", [...stops, ...open]);
    await insertInBatches(d1, "UPDATE machines SET down_since = ?3, down_ticket_id = ?2 WHERE id = ?1", open.map(([machineId, ticketId, since]) => [machineId, ticketId, since]));
  }
  return {
    tickets: await count("SELECT COUNT(*) AS n FROM tickets"),
    machines: await count("SELECT COUNT(*) AS n FROM machines"),
    events: await count("SELECT COUNT(*) AS n FROM ticket_events"),
    stops: await count("SELECT COUNT(*) AS n FROM machine_downtimes"),
  };
}

const PERIODS = [
  ["30 days", "period=30", 30],
  ["90 days", "period=90", 90],
  ["365 days", null, 365],
];

/** The figures alone, as lib/reliability/queries.ts computes them for the page. */
async function measureFigures(d1, supervisor) {
  const { d1: counted, counter } = countingD1(d1);
  const db = createDb(counted);
  const rows = [];
  for (const [name, , days] of PERIODS) {
    const now = new Date();
    const period = { from: new Date(now.getTime() - days * DAY), to: now };
    await loadReliability(db, supervisor, period, now); // warm
    const times = [];
    let queries = 0;
    let report;
    let statements = [];
    for (let i = 0; i < RUNS; i++) {
      const before = counter.queries;
      counter.statements = [];
      const started = performance.now();
      report = await loadReliability(db, supervisor, period, now);
      times.push(performance.now() - started);
      queries = counter.queries - before;
      statements = counter.statements;
    }
    // The database's own time for the same statements, without the bench's trips to it.
    const durations = [];
    for (let i = 0; i < RUNS; i++) durations.push(await d1Duration(d1, statements));
    const d1Time = stats(durations);
    rows.push({ name, ...stats(times), d1p50: d1Time.p50, d1p95: d1Time.p95, queries, failures: report.plant.failures, closed: report.plant.closed });
  }
  await db.$disconnect();
  return rows;
}

async function signIn(role) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await signInAs(page, ORIGIN, role);
    return await cookieHeader(page.context());
  } finally {
    await browser.close();
  }
}

async function measurePage(cookie, log) {
  const rows = [];
  for (const [name, query] of PERIODS.filter(([, q]) => q)) rows.push({ name, ...(await timePage(`${ORIGIN}/stats?${query}`, { cookie, log, requests: REQUESTS })) });
  return rows;
}

buildWorker();
step(`Preparing ${STATE}: migrations, demo seed, ${TICKETS} tickets over ${DAYS} days, ${MACHINES} machines with their stops`);
rmSync(STATE, { recursive: true, force: true });
migrateLocal(STATE);
seedLocal(STATE);

const now = Date.now();
let sizes;
const fillStarted = performance.now();
for (let attempt = 1; !sizes; attempt++) {
  const filling = await openLocalDb(STATE);
  try {
    sizes = await fill(filling.env.DB, now);
  } catch (error) {
    if (attempt === 5) throw error;
    console.log(`Filling stopped (${error.message}); going on from there.`);
  } finally {
    await filling.close().catch(() => {});
  }
}
console.log(`Filled in ${((performance.now() - fillStarted) / 1000).toFixed(0)} s: ${JSON.stringify(sizes)}`);

const local = await openLocalDb(STATE);
let direct;
try {
  const email = demoAccounts.find((a) => a.role === "supervisor").email;
  const { id } = await local.env.DB.prepare("SELECT id FROM users WHERE email = ?").bind(email).first();
  step("The figures alone (lib/reliability/queries.ts on the local D1)");
  direct = await measureFigures(local.env.DB, { id, role: "supervisor" });
} finally {
  await local.close();
}

step("/stats on the built worker");
let pages;
const { server, log } = startQueryLoggingWorker({ port: PORT, state: STATE });
try {
  await waitForServer(`${ORIGIN}/sign-in`);
  pages = await measurePage(await signIn("supervisor"), log);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
}

const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`\n\x1b[1mStats benchmark (npm run bench:stats): ${sizes.tickets} tickets, ${sizes.machines} machines, ${sizes.stops} stops, ${sizes.events} events\x1b[0m`);
console.log(`  ${"period".padEnd(10)} D1 time p50 / p95   figures p50 / p95 (D1 queries)   failures  closed     /stats page p50 / p95 (D1 queries per render)`);
for (const row of direct) {
  const page = pages.find((p) => p.name === row.name);
  console.log(
    `  ${row.name.padEnd(10)} ${ms(row.d1p50).padStart(8)} / ${ms(row.d1p95).padStart(8)}  ${ms(row.p50).padStart(8)} / ${ms(row.p95).padStart(8)} (${row.queries})  ${String(row.failures).padStart(8)}  ${String(row.closed).padStart(6)}     ${page ? `${ms(page.p50).padStart(8)} / ${ms(page.p95).padStart(8)} (${page.queries})` : "—"}`,
  );
}
