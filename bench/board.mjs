// `npm run bench:board`: the board page under load, on the built worker and a
// local D1 of its own (.wrangler/bench). Prints, does not assert:
//  - D1 queries per board request, at two ticket counts (it must not grow);
//  - p50 / p95 server response time over 200 requests, with 2,000 open tickets;
//  - first-load JavaScript of the board, gzip;
//  - the board's DOM size on a first visit with 2,000 open tickets (elements, as
//    Lighthouse's "DOM size" counts them, and all nodes), and the cards it shows;
//  - what one move costs after the drop: D1 queries and response bytes of the
//    server action (what it re-renders), median of MOVES moves;
//  - CPU time per request of the local worker runtime (workerd) for sign-in,
//    dashboard, board and a ticket page, with 2,000 open tickets (`-- --cpu-only`
//    runs only this part, on the demo data).
// Queries are counted by the worker itself: with BENCH_LOG_QUERIES=1, lib/db/query-log.ts
// wraps the D1 binding and logs every statement it prepares.
import { rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { buildWorker, migrateLocal, seedLocal, start, step } from "../scripts/lib/common.mjs";
import { openLocalDb } from "../scripts/lib/local-d1.mjs";
import { waitForServer } from "../scripts/lib/local-worker.mjs";
import { startQueryLoggingWorker } from "./lib/query-logging-worker.mjs";
import { cpuPerRequest, findWorkerd } from "./lib/workerd-cpu.mjs";
import { demoAccounts } from "../prisma/seed.ts";

const STATE = ".wrangler/bench";
const PORT = Number(process.env.BENCH_PORT ?? 8795);
const ORIGIN = `http://localhost:${PORT}`;
const MACHINES = 200;
const SIZES = [500, 2000];
const REQUESTS = 200;
const MOVES = 7;
const OPEN = ["received", "diagnostic", "in_progress", "waiting_parts"];
const PRIORITIES = ["low", "medium", "high", "critical"];

const stamp = (date) => date.toISOString().replace("Z", "+00:00");

// Rows per D1 batch. Each batch is prepared just before it is sent: preparing all
// ~1,900 statements up front through the platform proxy failed on a loaded machine
// with "fetch failed: other side closed".
const BATCH = 200;

/** Sends `rows` as INSERTs in D1 batches, preparing each batch only when it is sent. */
async function insertInBatches(d1, sql, rows) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await d1.batch(rows.slice(i, i + BATCH).map((values) => d1.prepare(sql).bind(...values)));
  }
}

/** Tops the bench database up to `machines` machines and `open` open tickets, in D1 batches. */
async function fill({ machines, open }) {
  const local = await openLocalDb(STATE);
  try {
    const d1 = local.env.DB;
    const now = new Date();
    const count = async (sql) => (await d1.prepare(sql).first()).n;
    const machineRows = [];
    for (let i = await count("SELECT COUNT(*) AS n FROM machines"); i < machines; i++) {
      machineRows.push([`Machine ${i + 1}`, `B-${i}`, `Zone ${i % 12}`, i % 25 === 0 ? "out_of_service" : "operational", stamp(now), stamp(now)]);
    }
    await insertInBatches(
      d1,
      "INSERT INTO machines (machine_type, model, location, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      machineRows,
    );
    // Read after the machines are in, so the tickets spread over all of them.
    const machineIds = (await d1.prepare("SELECT id FROM machines").all()).results.map((r) => r.id);
    const userIds = (await d1.prepare("SELECT id FROM users").all()).results.map((r) => r.id);
    const existing = await count("SELECT COUNT(*) AS n FROM tickets WHERE deleted_at IS NULL AND status NOT IN ('completed','archived')");
    const ticketRows = [];
    for (let i = existing; i < open; i++) {
      const created = new Date(now.getTime() - i * 60_000);
      const scheduled = i % 3 === 0 ? stamp(new Date(now.getTime() + ((i % 96) - 48) * 3_600_000)) : null;
      ticketRows.push([
        `BENCH-${String(i).padStart(5, "0")}`,
        `Problème de banc d’essai n° ${i}`,
        machineIds[i % machineIds.length],
        OPEN[i % OPEN.length],
        PRIORITIES[i % PRIORITIES.length],
        userIds[i % userIds.length],
        i % 5 === 0 ? null : i % 7 === 0 ? 0 : userIds[i % userIds.length],
        scheduled,
        stamp(created),
        stamp(created),
      ]);
    }
    await insertInBatches(
      d1,
      `INSERT INTO tickets (ticket_id, title, description, machine_id, status, priority, reported_by, assigned_to, scheduled_date, created_at, updated_at)
       VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ticketRows,
    );
    return { machines: await count("SELECT COUNT(*) AS n FROM machines"), open: await count("SELECT COUNT(*) AS n FROM tickets WHERE status NOT IN ('completed','archived')") };
  } finally {
    await local.close();
  }
}

async function signIn() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  const { email, password } = demoAccounts.find((a) => a.role === "supervisor");
  await page.goto(`${ORIGIN}/sign-in`);
  await page.getByLabel(/Courriel|Email/).fill(email);
  await page.getByLabel(/Mot de passe|Password/).fill(password);
  await page.getByRole("button", { name: /Se connecter|Sign in/ }).click();
  await page.waitForURL(`${ORIGIN}/`);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // Leave the dashboard: its links prefetch ticket pages, whose queries would be counted as the board's.
  await page.goto("about:blank");
  return { browser, page, cookie };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function queriesPerRequest(cookie, log) {
  const counts = [];
  for (let i = 0; i < 3; i++) {
    await sleep(300);
    const before = log.queries;
    const response = await fetch(`${ORIGIN}/tickets`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`/tickets answered ${response.status}`);
    await response.text();
    await sleep(500); // let the worker's log lines arrive
    counts.push(log.queries - before);
  }
  return Math.max(...counts);
}

/**
 * Moves cards from "Reçu" to "Diagnostic" through the keyboard menu, as a person
 * would, and counts what each move's server action costs: the D1 queries it makes
 * (the write and whatever it re-renders) and the bytes of its answer.
 */
async function measureMoves(page, log) {
  // The page counts each server action's answer as it reads it: Chromium's protocol
  // does not keep the body of a streamed answer the page has already consumed.
  await page.addInitScript(() => {
    const fetch = window.fetch;
    window.__actionBytes = [];
    window.fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (new Headers(init?.headers).has("next-action")) {
        response.clone().arrayBuffer().then((body) => window.__actionBytes.push(body.byteLength));
      }
      return response;
    };
  });
  await page.goto(`${ORIGIN}/tickets`);
  const samples = [];
  for (let i = 0; i < MOVES; i++) {
    const card = page.getByTestId("column-received").locator("li[data-ticket]").first();
    const id = await card.getAttribute("data-ticket");
    await sleep(300);
    const before = log.queries;
    const answers = await page.evaluate(() => window.__actionBytes.length);
    await card.getByRole("button", { name: /^(Déplacer vers…|Move to…)/ }).click();
    await page.getByRole("menuitem", { name: /^(Diagnostic)$/ }).click();
    await page.waitForFunction((n) => window.__actionBytes.length > n, answers);
    const bytes = await page.evaluate(() => window.__actionBytes.at(-1));
    await sleep(500); // let the worker's log lines arrive
    samples.push({ queries: log.queries - before, bytes });
    await page.getByTestId("column-diagnostic").locator(`li[data-ticket="${id}"]`).waitFor();
  }
  await page.goto("about:blank");
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { queries: median(samples.map((s) => s.queries)), bytes: median(samples.map((s) => s.bytes)) };
}

/**
 * The board's DOM on a first visit, once the client has hydrated: elements (what
 * Lighthouse's "DOM size" audit counts), every node (text and comments too) and
 * the cards rendered.
 */
async function measureBoardDom(page) {
  await page.goto(`${ORIGIN}/tickets`, { waitUntil: "networkidle" });
  const dom = await page.evaluate(() => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let nodes = 0;
    while (walker.nextNode()) nodes++;
    return { elements: document.querySelectorAll("*").length, nodes, cards: document.querySelectorAll("li[data-ticket]").length };
  });
  await page.goto("about:blank");
  return dom;
}

async function withWorker(run) {
  const { server, log } = startQueryLoggingWorker({ port: PORT, state: STATE });
  try {
    await waitForServer(`${ORIGIN}/sign-in`);
    const session = await signIn();
    try {
      return await run(session, log);
    } finally {
      await session.browser.close();
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

// ---- CPU per request -------------------------------------------------------
// Cloudflare's free plan allows 10 ms of CPU per request (paid: 30 s). Measured on
// a worker without query logging (each logged statement costs CPU too), as the
// CPU time workerd spends per request over CPU_REQUESTS sequential requests.
const CPU_REQUESTS = 40;

async function measureCpu() {
  const server = start("wrangler", ["dev", "--port", String(PORT), "--persist-to", STATE, "--show-interactive-dev-session=false"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.resume();
  server.stderr.resume();
  try {
    // A loaded machine can take minutes to bundle and start the worker.
    await waitForServer(`${ORIGIN}/sign-in`, { timeoutMs: 600_000 });
    const { browser, cookie } = await signIn();
    await browser.close();
    const board = await (await fetch(`${ORIGIN}/tickets`, { headers: { cookie } })).text();
    const ticket = board.match(/href="(\/tickets\/(?!new|export)[^"?#]+)"/)?.[1];
    if (!ticket) throw new Error("no ticket link on the board");
    const pids = findWorkerd(server.pid);
    if (pids.length === 0) throw new Error("no workerd process under wrangler dev");
    const pages = [
      ["sign-in", "/sign-in", {}],
      ["dashboard", "/", { cookie }],
      ["board", "/tickets", { cookie }],
      ["ticket page", ticket, { cookie }],
    ];
    const rows = [];
    for (const [name, path, headers] of pages) {
      const send = async () => {
        const response = await fetch(`${ORIGIN}${path}`, { headers, redirect: "manual" });
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        await response.arrayBuffer();
      };
      rows.push({ name, path, ...(await cpuPerRequest(pids, send, { requests: CPU_REQUESTS })) });
    }
    return rows;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

function printCpu(rows) {
  console.log(`  CPU per request (workerd, incl. local D1; median of 3 rounds of ${CPU_REQUESTS} sequential requests after 40 warm-up, idle CPU subtracted):`);
  for (const row of rows) {
    const spread = `rounds ${row.min.toFixed(1)}–${row.max.toFixed(1)} ms`;
    console.log(`    ${row.name.padEnd(12)} ${row.perRequest.toFixed(1).padStart(5)} ms   (${spread}, wall ${row.wallPerRequest.toFixed(0)} ms)   ${row.path}`);
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

buildWorker();
step(`Preparing ${STATE}: migrations, demo seed, ${MACHINES} machines`);
rmSync(STATE, { recursive: true, force: true });
migrateLocal(STATE);
seedLocal(STATE);

if (process.argv.includes("--cpu-only")) {
  // On the demo data alone (a plant's first weeks): no 2,000-ticket fill.
  step("CPU per request on the demo data");
  const rows = await measureCpu();
  console.log("\n\x1b[1mBoard benchmark (npm run bench:board -- --cpu-only, demo data)\x1b[0m");
  printCpu(rows);
  process.exit(0);
}

const results = { queries: [] };
for (const [index, open] of SIZES.entries()) {
  const sizes = await fill({ machines: MACHINES, open });
  step(`Board with ${sizes.open} open tickets and ${sizes.machines} machines`);
  await withWorker(async ({ page, cookie }, log) => {
    const queries = await queriesPerRequest(cookie, log);
    results.queries.push({ ...sizes, queries });
    console.log(`D1 queries per board request: ${queries}`);
    if (index < SIZES.length - 1) return;

    // A fresh context (empty cache, same session): everything the board needs on a first visit.
    const context = await page.context().browser().newContext({ storageState: await page.context().storageState() });
    const fresh = await context.newPage();
    const scripts = new Map();
    fresh.on("response", (response) => {
      if (response.request().resourceType() === "script" && response.status() === 200) scripts.set(response.url(), response);
    });
    await fresh.goto(`${ORIGIN}/tickets`, { waitUntil: "networkidle" });
    let gzip = 0;
    for (const response of scripts.values()) gzip += gzipSync(await response.body(), { level: 9 }).length;
    results.js = { files: scripts.size, gzip };
    await context.close();

    results.dom = await measureBoardDom(page);
    results.move = await measureMoves(page, log);

    for (let i = 0; i < 10; i++) await (await fetch(`${ORIGIN}/tickets`, { headers: { cookie } })).text();
    const times = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const response = await fetch(`${ORIGIN}/tickets`, { headers: { cookie } });
      await response.text();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.timing = { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) };
  });
}
step(`CPU per request (${SIZES.at(-1)} open tickets)`);
results.cpu = await measureCpu();

console.log("\n\x1b[1mBoard benchmark (npm run bench:board)\x1b[0m");
for (const q of results.queries) console.log(`  ${q.open} open tickets, ${q.machines} machines: ${q.queries} D1 queries per board request`);
console.log(`  Response time over ${REQUESTS} requests (${SIZES.at(-1)} open tickets): p50 ${results.timing.p50.toFixed(0)} ms, p95 ${results.timing.p95.toFixed(0)} ms (max ${results.timing.max.toFixed(0)} ms)`);
console.log(`  One move (median of ${MOVES}): ${results.move.queries} D1 queries, ${results.move.bytes} bytes of server-action answer`);
console.log(`  First-load JavaScript: ${results.js.files} scripts, ${(results.js.gzip / 1024).toFixed(1)} kB gzip`);
console.log(`  Board DOM (${SIZES.at(-1)} open tickets, first visit): ${results.dom.elements} elements, ${results.dom.nodes} nodes, ${results.dom.cards} cards`);
printCpu(results.cpu);
