// `npm run bench:notify`: an assignment to the whole team of TEAM people, each
// with DEVICES devices subscribed to a local push service, on the built worker
// and a local D1 of its own (.wrangler/bench-notify). Prints, does not assert:
//  - the server action's time (the "Assigner" POST, as the browser waits for it),
//    for the team and for one person: it must not grow with the recipients, since
//    the action only writes one batch and enqueues;
//  - D1 queries per action, counted by the worker (BENCH_LOG_QUERIES=1: lib/db/query-log.ts
//    logs every statement the app prepares; the queue consumer's own raw queries
//    are counted apart, from its 2 statements per delivery);
//  - the time from the click until every push reached the push service, and
//    pushes per second;
//  - a sample push decrypted with its device's private key, to show what arrived.
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { chromium } from "@playwright/test";
import { buildWorker, migrateLocal, root, seedLocal, step } from "../scripts/lib/common.mjs";
import { openLocalDb } from "../scripts/lib/local-d1.mjs";
import { waitForServer } from "../scripts/lib/local-worker.mjs";
import { startQueryLoggingWorker } from "./lib/query-logging-worker.mjs";
import { demoAccounts } from "../prisma/seed.ts";
import { WHOLE_TEAM_SQL } from "../lib/permissions.ts";
import { signInAs } from "./lib/sign-in.mjs";
import { decryptPush, newSubscriptionKeys } from "../tests/integration/helpers/web-push.ts";

const STATE = ".wrangler/bench-notify";
const PORT = Number(process.env.BENCH_PORT ?? 8797);
const ORIGIN = `http://localhost:${PORT}`;
const TEAM = Number(process.env.BENCH_TEAM ?? 50);
const DEVICES = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHROMIUM = { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!/WEBHOOK_ALLOW_PRIVATE=1/.test(readFileSync(`${root}/.dev.vars`, "utf8"))) {
  console.error(".dev.vars must allow local endpoints (WEBHOOK_ALLOW_PRIVATE=1): run npm start once");
  process.exit(1);
}

/** The push service: records when each push arrived, and keeps one body per path for decryption. */
const arrivals = [];
const bodies = new Map();
const service = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    arrivals.push({ at: Date.now(), path: req.url });
    bodies.set(req.url, new Uint8Array(Buffer.concat(chunks)));
    res.statusCode = 201;
    res.end();
  });
});
await new Promise((resolve) => service.listen(0, "127.0.0.1", resolve));
const pushUrl = `http://127.0.0.1:${service.address().port}`;

buildWorker();
step(`Preparing ${STATE}: migrations, demo seed, a team of ${TEAM} with ${DEVICES} devices each`);
rmSync(STATE, { recursive: true, force: true });
migrateLocal(STATE);
seedLocal(STATE);
const keys = new Map();
const ticketCodes = [];
{
  const local = await openLocalDb(STATE);
  const d1 = local.env.DB;
  const now = new Date().toISOString().replace("Z", "+00:00");
  const have = (await d1.prepare(`SELECT COUNT(*) AS n FROM users u WHERE u.active = 1 AND ${WHOLE_TEAM_SQL}`).first()).n;
  const inserts = [];
  for (let i = have; i < TEAM + 1; i++) {
    inserts.push(
      d1
        .prepare("INSERT INTO users (email, name, name_key, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'technician', 'x', ?, ?)")
        .bind(`tech${i}@bench.test`, `Technicien ${i}`, `technicien ${i}`, now, now),
    );
  }
  if (inserts.length) await d1.batch(inserts);
  // The supervisor who assigns is told nothing of their own action: the team is everyone else.
  const { results: team } = await d1.prepare(`SELECT u.id FROM users u WHERE u.active = 1 AND ${WHOLE_TEAM_SQL} AND u.email <> ?`).bind(demoAccounts.find((a) => a.role === "supervisor").email).all();
  const devices = [];
  for (const { id } of team) {
    for (let d = 0; d < DEVICES; d++) {
      const sub = await newSubscriptionKeys();
      const path = `/u${id}/d${d}`;
      keys.set(path, sub);
      devices.push(d1.prepare("INSERT INTO push_devices (user_id, name, endpoint, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?, ?)").bind(id, `Banc ${d}`, `${pushUrl}${path}`, sub.p256dh, sub.auth, now));
    }
  }
  await d1.batch(devices);
  // The tickets to assign, reported by the operator a moment ago.
  const machine = (await d1.prepare("SELECT id FROM machines ORDER BY id LIMIT 1").first()).id;
  const reporter = (await d1.prepare("SELECT id FROM users WHERE role = 'operator' LIMIT 1").first()).id;
  const tickets = [];
  for (let i = 0; i < ROUNDS * 2; i++) {
    const code = `BENCH-M${String(machine).padStart(3, "0")}-${String(i).padStart(4, "0")}`;
    ticketCodes.push(code);
    tickets.push(
      d1
        .prepare("INSERT INTO tickets (ticket_id, title, description, machine_id, status, priority, reported_by, created_at, updated_at) VALUES (?, ?, '', ?, 'received', 'high', ?, ?, ?)")
        .bind(code, `Courroie ${i}`, machine, reporter, now, now),
    );
  }
  await d1.batch(tickets);
  console.log(`${team.length} people in the team, ${devices.length} devices`);
  await local.close();
}

const { server, log } = startQueryLoggingWorker({ port: PORT, state: STATE });
const browser = await chromium.launch(CHROMIUM);
const results = { team: [], person: [] };
try {
  await waitForServer(`${ORIGIN}/sign-in`);
  const context = await browser.newContext({ locale: "fr-CA" });
  const page = await context.newPage();
  await signInAs(page, ORIGIN, "supervisor");
  const technician = demoAccounts.find((a) => a.role === "technician");

  /** Assigns a fresh ticket from its page; returns the action's time, its D1 queries, and when the pushes arrived. */
  async function assign(to, expected) {
    await page.goto(`${ORIGIN}/tickets/${ticketCodes.shift()}`);
    // Assigning lives in the ticket page's "Modifier" sheet.
    await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Modifier", exact: true }).click();
    const form = page.getByRole("dialog", { name: "Modifier le ticket" }).getByRole("form", { name: "Assigner" });
    await form.getByLabel("Assigner à").selectOption(to === "team" ? "team" : { label: to });
    await sleep(1_500);
    const before = { queries: log.queries, pushes: arrivals.length };
    const started = Date.now();
    const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/tickets/"));
    await form.getByRole("button", { name: "Assigner" }).click();
    await response;
    const actionMs = Date.now() - started;
    await sleep(300); // the log lines of the action's statements
    const queries = log.queries - before.queries;
    while (arrivals.length - before.pushes < expected) {
      if (Date.now() - started > 120_000) throw new Error(`only ${arrivals.length - before.pushes}/${expected} pushes after 2 minutes`);
      await sleep(20);
    }
    const mine = arrivals.slice(before.pushes);
    const first = mine[0].at;
    const last = mine.at(-1).at;
    return { actionMs, queries, allPushesMs: last - started, pushesPerSecond: mine.length / Math.max(0.001, (last - first) / 1000) };
  }

  step(`Assigning ${ROUNDS} tickets to the whole team (${TEAM} × ${DEVICES} pushes each), and ${ROUNDS} to one person`);
  for (let i = 0; i < ROUNDS; i++) results.team.push(await assign("team", TEAM * DEVICES));
  for (let i = 0; i < ROUNDS; i++) results.person.push(await assign(technician.name, DEVICES));
  await context.close();
} finally {
  await browser.close();
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  service.close();
}

const sample = [...bodies.keys()][0];
const decrypted = sample ? JSON.parse((await decryptPush(bodies.get(sample), keys.get(sample))).text) : null;
const m = (rows, key) => median(rows.map((r) => r[key]));
console.log("\n\x1b[1mNotifications benchmark (npm run bench:notify)\x1b[0m");
console.log(`  Assignment to the whole team (${TEAM} people × ${DEVICES} devices = ${TEAM * DEVICES} pushes), median of ${ROUNDS}:`);
console.log(`    server action:                ${m(results.team, "actionMs")} ms   (one person: ${m(results.person, "actionMs")} ms)`);
console.log(`    D1 queries per action:        ${m(results.team, "queries")}   (one person: ${m(results.person, "queries")}; the page's refresh after the action included)`);
console.log(`    click to every push received: ${m(results.team, "allPushesMs")} ms`);
console.log(`    pushes per second:            ${Math.round(m(results.team, "pushesPerSecond"))}`);
console.log(`  A push as its device decrypted it: ${JSON.stringify(decrypted)}`);
