// `npm run bench:search`: search everything at 20,000 tickets, on a local D1 of
// its own (.wrangler/bench-search). Prints, does not assert:
//  - the search's own server time (the four FTS5 queries and their results,
//    lib/site-search/queries.ts, run against the local D1 as the worker runs
//    them), p50 / p95 per query over RUNS runs, and the D1 queries it made;
//    measured from Node through the platform proxy, so each query also pays a
//    trip to the local runtime that a worker next to its database does not;
//  - D1's own time for those statements (meta.duration, the database's
//    execution time), p50 / p95, from replaying them;
//  - the /search page on the built worker: p50 / p95 response time and D1
//    queries per request (session, settings and the search), as a supervisor
//    and as an operator who sees only their own reports, beside the same page
//    with no search: the difference is the search's share of the server time.
// Queries on the worker are counted by the worker itself: with BENCH_LOG_QUERIES=1,
// lib/db/query-log.ts wraps the D1 binding and logs every statement it prepares.
import { rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import { buildWorker, migrateLocal, seedLocal, step } from "../scripts/lib/common.mjs";
import { openLocalDb } from "../scripts/lib/local-d1.mjs";
import { waitForServer } from "../scripts/lib/local-worker.mjs";
import { stats, timePage } from "./lib/page-timing.mjs";
import { countingD1, d1Duration } from "./lib/count-d1.mjs";
import { startQueryLoggingWorker } from "./lib/query-logging-worker.mjs";
import { createDb } from "../lib/db/client.ts";
import { parseSearch } from "../lib/site-search/model.ts";
import { searchEverything } from "../lib/site-search/queries.ts";
import { demoAccounts } from "../prisma/seed.ts";
import { cookieHeader, signInAs } from "./lib/sign-in.mjs";

const STATE = ".wrangler/bench-search";
const PORT = Number(process.env.BENCH_PORT ?? 8795);
const ORIGIN = `http://localhost:${PORT}`;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 20_000);
const COMMENTS_PER_TICKET = 2;
const MACHINES = 200;
const RUNS = 30;
const REQUESTS = 20;
// Rows per D1 batch, each prepared just before it is sent: 200 rows, each firing its index
// trigger, closed the platform proxy's socket ("other side closed") on a loaded machine.
const BATCH = 50;
// From a precise ticket id to a one-letter prefix that matches nearly everything.
const QUERIES = ["presse", "ecran", "fuite huile", "roulement", "capteur inductif", "verifie", "BENCH-01234", "moteur surchauffe", "introuvable", "e"];

const PROBLEMS = [
  ["Fuite d’huile sur le vérin", "Flaque sous la presse, le niveau baisse"],
  ["Écran tactile figé", "L’écran ne répond plus après le démarrage"],
  ["Courroie usée", "Bruit de frottement à chaque cycle"],
  ["Bruit anormal au roulement", "Vibration côté moteur, roulement à vérifier"],
  ["Capteur inductif défaillant", "La pièce n’est plus détectée au poste 2"],
  ["Arrêt d’urgence bloqué", "Impossible de réarmer le bouton"],
  ["Surchauffe du moteur", "Température élevée après une heure"],
  ["Pression hydraulique basse", "Le manomètre indique 80 bars au lieu de 120"],
];
const REMARKS = ["Vérifié sur place", "Pièce commandée chez le fournisseur", "Remplacé le fusible F3", "Nettoyé et graissé", "À surveiller demain"];
const MACHINE_TYPES = ["Presse hydraulique", "Tour CNC", "Convoyeur", "Robot de soudure", "Compresseur", "Plieuse"];
const STATUSES = ["received", "diagnostic", "in_progress", "waiting_parts", "completed", "archived"];

const stamp = (date) => date.toISOString().replace("Z", "+00:00");

async function insertInBatches(d1, sql, rows) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await d1.batch(rows.slice(i, i + BATCH).map((values) => d1.prepare(sql).bind(...values)));
  }
}

/**
 * Machines, tickets and their comments, written through the triggers that keep the
 * index in step. Tops up what is missing, so a run whose proxy socket closed half-way
 * goes on from where it stopped.
 */
async function fill(d1) {
  const now = Date.now();
  const count = async (sql) => (await d1.prepare(sql).first()).n;
  const haveMachines = await count("SELECT COUNT(*) AS n FROM machines WHERE serial_number LIKE 'SN-%'");
  const machines = Array.from({ length: MACHINES }, (_, i) => [
    MACHINE_TYPES[i % MACHINE_TYPES.length],
    `Modèle ${i}`,
    `SN-${String(i).padStart(5, "0")}`,
    `Bâtiment ${String.fromCharCode(65 + (i % 5))}, ligne ${i % 12}`,
    stamp(new Date(now)),
  ]).slice(haveMachines);
  await insertInBatches(d1, "INSERT INTO machines (machine_type, model, serial_number, location, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?5)", machines);
  const machineIds = (await d1.prepare("SELECT id FROM machines").all()).results.map((r) => r.id);
  const users = (await d1.prepare("SELECT id, role FROM users").all()).results;
  const haveTickets = await count("SELECT COUNT(*) AS n FROM tickets WHERE ticket_id LIKE 'BENCH-%'");
  const tickets = Array.from({ length: TICKETS - haveTickets }, (_, k) => {
    const i = haveTickets + k;
    const [title, description] = PROBLEMS[i % PROBLEMS.length];
    const created = stamp(new Date(now - i * 60_000));
    return [`BENCH-${String(i).padStart(5, "0")}`, `${title} n° ${i}`, description, machineIds[i % machineIds.length], STATUSES[i % STATUSES.length], users[i % users.length].id, created];
  });
  await insertInBatches(
    d1,
    "INSERT INTO tickets (ticket_id, title, description, machine_id, status, reported_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?7)",
    tickets,
  );
  const ticketIds = (
    await d1.prepare("SELECT id FROM tickets t WHERE ticket_id LIKE 'BENCH-%' AND NOT EXISTS (SELECT 1 FROM ticket_comments c WHERE c.ticket_id = t.id)").all()
  ).results.map((r) => r.id);
  const comments = ticketIds.flatMap((id, i) =>
    Array.from({ length: COMMENTS_PER_TICKET }, (_, j) => [id, users[(i + j) % users.length].id, REMARKS[(i + j) % REMARKS.length], stamp(new Date(now))]),
  );
  await insertInBatches(d1, "INSERT INTO ticket_comments (ticket_id, user_id, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?4)", comments);
  return { tickets: await count("SELECT COUNT(*) AS n FROM tickets"), comments: await count("SELECT COUNT(*) AS n FROM ticket_comments"), indexed: await count("SELECT COUNT(*) AS n FROM tickets_fts") };
}

/** The search alone, as lib/site-search/queries.ts runs it: time and D1 queries per search. */
async function measureSearch(d1, reader) {
  const { d1: counted, counter } = countingD1(d1);
  const db = createDb(counted);
  const rows = [];
  for (const q of QUERIES) {
    const search = parseSearch(q);
    await searchEverything(db, reader, search); // warm
    const times = [];
    let queries = 0;
    let found = 0;
    let statements = [];
    for (let i = 0; i < RUNS; i++) {
      const before = counter.queries;
      counter.statements = [];
      const started = performance.now();
      const results = await searchEverything(db, reader, search);
      times.push(performance.now() - started);
      queries = counter.queries - before;
      statements = counter.statements;
      found = Object.values(results).reduce((n, kind) => n + kind.items.length, 0) + (Object.values(results).some((k) => k.more) ? "+" : "");
    }
    // The database's own time for the same statements, without the bench's trips to it.
    const durations = [];
    for (let i = 0; i < RUNS; i++) durations.push(await d1Duration(d1, statements));
    const d1Time = stats(durations);
    rows.push({ q, ...stats(times), d1p50: d1Time.p50, d1p95: d1Time.p95, queries, found });
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
  // First the page with no search (the same session, settings and shell): what the search adds is the difference.
  for (const q of ["", ...QUERIES]) rows.push({ q, ...(await timePage(`${ORIGIN}/search?q=${encodeURIComponent(q)}`, { cookie, log, requests: REQUESTS })) });
  return rows;
}

buildWorker();
step(`Preparing ${STATE}: migrations, demo seed, ${TICKETS} tickets with ${COMMENTS_PER_TICKET} comments each, ${MACHINES} machines`);
rmSync(STATE, { recursive: true, force: true });
migrateLocal(STATE);
seedLocal(STATE);

let sizes;
const fillStarted = performance.now();
for (let attempt = 1; !sizes; attempt++) {
  const filling = await openLocalDb(STATE);
  try {
    sizes = await fill(filling.env.DB);
  } catch (error) {
    if (attempt === 5) throw error;
    console.log(`Filling stopped (${error.message}); going on from there.`);
  } finally {
    await filling.close().catch(() => {});
  }
}
console.log(`Filled in ${((performance.now() - fillStarted) / 1000).toFixed(0)} s: ${JSON.stringify(sizes)}`);
const local = await openLocalDb(STATE);
const direct = {};
try {
  const ids = Object.fromEntries(
    (await local.env.DB.prepare("SELECT id, role FROM users WHERE email IN (?, ?)").bind(...["supervisor", "operator"].map((r) => demoAccounts.find((a) => a.role === r).email)).all()).results.map((u) => [u.role, u.id]),
  );
  step("The search alone (lib/site-search/queries.ts on the local D1)");
  direct.supervisor = await measureSearch(local.env.DB, { id: ids.supervisor, role: "supervisor", visibility: "all" });
  direct.operator = await measureSearch(local.env.DB, { id: ids.operator, role: "operator", visibility: "own" });
} finally {
  await local.close();
}

step("/search on the built worker");
const pages = {};
const { server, log } = startQueryLoggingWorker({ port: PORT, state: STATE });
try {
  await waitForServer(`${ORIGIN}/sign-in`);
  for (const role of ["supervisor", "operator"]) pages[role] = await measurePage(await signIn(role), log);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
}

const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`\n\x1b[1mSearch benchmark (npm run bench:search): ${sizes.tickets} tickets, ${sizes.comments} comments, ${MACHINES} machines\x1b[0m`);
for (const role of ["supervisor", "operator"]) {
  console.log(`\n  As ${role}${role === "operator" ? " (sees only their own reports)" : ""}:`);
  console.log(`  ${"query".padEnd(20)} ${"results".padStart(8)}  D1 time p50 / p95   search p50 / p95 (D1 queries)   /search page p50 / p95 (D1 queries)`);
  const [empty, ...searched] = pages[role];
  console.log(`  ${"(no search)".padEnd(20)} ${"".padStart(8)}  ${"".padStart(19)}  ${"".padStart(31)}  ${ms(empty.p50).padStart(8)} / ${ms(empty.p95).padStart(8)} (${empty.queries})`);
  direct[role].forEach((row, i) => {
    const page = searched[i];
    console.log(
      `  ${JSON.stringify(row.q).padEnd(20)} ${String(row.found).padStart(8)}  ${ms(row.d1p50).padStart(8)} / ${ms(row.d1p95).padStart(8)}  ${ms(row.p50).padStart(8)} / ${ms(row.p95).padStart(8)} (${row.queries})      ${ms(page.p50).padStart(8)} / ${ms(page.p95).padStart(8)} (${page.queries})`,
    );
  });
  const worst = (key, rows) => ms(Math.max(...rows.map((r) => r[key])));
  console.log(`  worst p95: D1 time ${worst("d1p95", direct[role])}, search ${worst("p95", direct[role])}, /search page ${worst("p95", searched)}`);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`  what a search adds to the page (median over the queries): p50 ${ms(median(searched.map((p) => p.p50)) - empty.p50)}, p95 ${ms(median(searched.map((p) => p.p95)) - empty.p95)}`);
}
