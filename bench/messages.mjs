// `npm run bench:messages`: live messages against the old system's polling, on
// the built worker and a local D1 of its own (.wrangler/bench-messages). Prints,
// does not assert:
//  - time from "Envoyer" in one browser to the message on screen in a second one,
//    p50 / p95 over MESSAGES sends, through the live socket;
//  - the same for the second client polling the conversation page every 3 s, as
//    the system Atelier replaces did (the ratio of the two is the figure);
//  - D1 queries per send (everything the sender's tab sets off: the action, and
//    whatever the page reads after it) and what each open recipient tab adds;
//  - both against the targets: at most 8 queries per send, live p50 at most
//    150 ms and at least 10 times faster than polling, measured in the same run;
//  - D1 queries per page of history, with SIZES[i] messages in the conversation;
//  - the worker's gzip size (npm run size).
// Queries are counted by the worker itself: with BENCH_LOG_QUERIES=1, lib/db/query-log.ts
// wraps the D1 binding and logs every statement it prepares.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import { buildWorker, migrateLocal, root, seedLocal, step } from "../scripts/lib/common.mjs";
import { openLocalDb } from "../scripts/lib/local-d1.mjs";
import { waitForServer } from "../scripts/lib/local-worker.mjs";
import { startQueryLoggingWorker } from "./lib/query-logging-worker.mjs";
import { cookieHeader, signInAs } from "./lib/sign-in.mjs";

const STATE = ".wrangler/bench-messages";
const PORT = Number(process.env.BENCH_PORT ?? 8796);
const ORIGIN = `http://localhost:${PORT}`;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200);
const POLL_MS = 3_000;
const SIZES = [100, 10_000];
const SAMPLES = 5;
const CHROMIUM = { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
};

/** Tops the team channel up to `count` messages, in D1 batches, with the worker stopped (SQLITE_BUSY otherwise). */
async function fillTeam(count) {
  const local = await openLocalDb(STATE);
  try {
    const d1 = local.env.DB;
    const have = (await d1.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_key = 'team'").first()).n;
    const sender = (await d1.prepare("SELECT id FROM users WHERE role = 'technician' LIMIT 1").first()).id;
    const start = Date.now() - count * 60_000;
    for (let i = have; i < count; i += 200) {
      const batch = [];
      for (let j = i; j < Math.min(count, i + 200); j++) {
        const at = new Date(start + j * 60_000).toISOString().replace("Z", "+00:00");
        batch.push(d1.prepare("INSERT INTO messages (conversation_key, sender_id, content, created_at) VALUES ('team', ?, ?, ?)").bind(sender, `Historique ${j} : TKT-M001-20261123-00${j % 9}`, at));
      }
      await d1.batch(batch);
    }
    return (await d1.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_key = 'team'").first()).n;
  } finally {
    await local.close();
  }
}

async function withWorker(run) {
  const { server, log } = startQueryLoggingWorker({ port: PORT, state: STATE });
  const browser = await chromium.launch(CHROMIUM);
  try {
    await waitForServer(`${ORIGIN}/sign-in`);
    return await run(browser, log);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

async function signIn(browser, role) {
  const context = await browser.newContext({ locale: "fr-CA" });
  // A bench runs on whatever machine it is given: wait long rather than fail (it times, it does not assert).
  context.setDefaultTimeout(180_000);
  const page = await context.newPage();
  await signInAs(page, ORIGIN, role);
  const cookie = await cookieHeader(context);
  return { context, page, cookie };
}

/** Sends `text` from the sender's open conversation and waits until it is stored (it has an id). */
async function send(page, text) {
  await page.getByLabel("Votre message").fill(text);
  const started = Date.now();
  await page.getByRole("button", { name: "Envoyer" }).click();
  await page.locator('li[data-message-id]', { hasText: text }).waitFor();
  return started;
}

/** The second client watches its own screen: the moment each message appears, by the browser's clock. */
async function watchScreen(page) {
  await page.evaluate(() => {
    window.__seen = {};
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('li[data-testid="message"]')) {
        const tag = /\[(bench-[^\]]+)\]/.exec(item.textContent ?? "")?.[1];
        if (tag && !(tag in window.__seen)) window.__seen[tag] = Date.now();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

async function measureLive(browser) {
  const [sender, reader] = [await signIn(browser, "technician"), await signIn(browser, "supervisor")];
  await Promise.all([sender.page.goto(`${ORIGIN}/messages/team`), reader.page.goto(`${ORIGIN}/messages/team`)]);
  await sleep(1_500); // the reader's socket is open
  await watchScreen(reader.page);
  const latencies = [];
  for (let i = 0; i < MESSAGES; i++) {
    const tag = `bench-${i}-live${Date.now().toString(36)}`;
    const started = await send(sender.page, `Message [${tag}]`);
    await reader.page.waitForFunction((t) => t in window.__seen, tag);
    latencies.push((await reader.page.evaluate((t) => window.__seen[t], tag)) - started);
  }
  await sender.context.close();
  await reader.context.close();
  return stats(latencies);
}

/**
 * The old way: the second client reloads the conversation page every 3 s. Sends
 * go at random moments of the polling cycle (as people type), and a message
 * counts as shown when the first page fetched after it contains it.
 */
async function measurePolling(browser) {
  const [sender, reader] = [await signIn(browser, "technician"), await signIn(browser, "supervisor")];
  await reader.page.goto("about:blank"); // no socket: the reader only polls
  await sender.page.goto(`${ORIGIN}/messages/team`);
  const sent = new Map();
  const seen = new Map();
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const next = Date.now() + POLL_MS;
      const html = await (await fetch(`${ORIGIN}/messages/team`, { headers: { cookie: reader.cookie } })).text();
      const at = Date.now();
      for (const [, tag] of html.matchAll(/\[(bench-\d+-poll[^\]]+)\]/g)) if (!seen.has(tag)) seen.set(tag, at);
      await sleep(Math.max(0, next - Date.now()));
    }
  })();
  for (let i = 0; i < MESSAGES; i++) {
    await sleep(Math.random() * 400);
    const tag = `bench-${i}-poll${Date.now().toString(36)}`;
    sent.set(tag, await send(sender.page, `Message [${tag}]`));
  }
  while ([...sent.keys()].some((tag) => !seen.has(tag))) await sleep(200);
  polling = false;
  await poller;
  await sender.context.close();
  await reader.context.close();
  return stats([...sent].map(([tag, at]) => seen.get(tag) - at));
}

/** D1 queries set off by one send: the sender's tab alone, then with one recipient tab open. */
async function measureSendQueries(browser, log) {
  const sender = await signIn(browser, "technician");
  await sender.page.goto(`${ORIGIN}/messages/team`);
  await sleep(1_500);
  const counts = async () => {
    const samples = [];
    for (let i = 0; i < SAMPLES; i++) {
      await sleep(800);
      const before = log.queries;
      await send(sender.page, `Compté bench-${i}-q${Date.now().toString(36)}`);
      await sleep(1_200); // the live events' follow-ups and the log lines
      samples.push(log.queries - before);
    }
    return median(samples);
  };
  const alone = await counts();
  const reader = await signIn(browser, "supervisor");
  await reader.page.goto(`${ORIGIN}/tickets`);
  await sleep(1_500);
  const withReader = await counts();
  await sender.context.close();
  await reader.context.close();
  return { alone, perRecipientTab: withReader - alone };
}

/** D1 queries of the conversation page (its first 50 messages) and of one "older" page (GET /messages/read/history). */
async function measureHistoryQueries(browser, log) {
  const reader = await signIn(browser, "supervisor");
  await reader.page.goto("about:blank");
  const pageQueries = [];
  for (let i = 0; i < SAMPLES; i++) {
    await sleep(300);
    const before = log.queries;
    const response = await fetch(`${ORIGIN}/messages/team`, { headers: { cookie: reader.cookie } });
    await response.text();
    await sleep(600);
    pageQueries.push(log.queries - before);
  }
  await reader.page.goto(`${ORIGIN}/messages/team`);
  await sleep(1_500);
  const olderQueries = [];
  for (let i = 0; i < SAMPLES; i++) {
    const older = reader.page.getByRole("button", { name: "Messages précédents" });
    // A short history has fewer older pages than samples (the first page's 50 plus a few).
    if (!(await older.count())) break;
    const count = await reader.page.locator('li[data-testid="message"]').count();
    await sleep(600);
    const before = log.queries;
    await older.click();
    await reader.page.waitForFunction((n) => document.querySelectorAll('li[data-testid="message"]').length > n, count);
    await sleep(600);
    olderQueries.push(log.queries - before);
  }
  await reader.context.close();
  return { page: median(pageQueries), older: median(olderQueries) };
}

buildWorker();
step(`Preparing ${STATE}: migrations, demo seed`);
rmSync(STATE, { recursive: true, force: true });
migrateLocal(STATE);
seedLocal(STATE);

const results = { history: [] };
step(`Delivery: ${MESSAGES} messages live, then ${MESSAGES} with the reader polling every ${POLL_MS / 1000} s`);
await withWorker(async (browser, log) => {
  results.live = await measureLive(browser);
  console.log(`live: p50 ${results.live.p50} ms, p95 ${results.live.p95} ms`);
  results.polling = await measurePolling(browser);
  console.log(`polling: p50 ${results.polling.p50} ms, p95 ${results.polling.p95} ms`);
  results.send = await measureSendQueries(browser, log);
  console.log(`D1 queries per send: ${results.send.alone}, +${results.send.perRecipientTab} per recipient tab`);
});
for (const size of SIZES) {
  const count = await fillTeam(size);
  step(`History with ${count} messages in the team channel`);
  await withWorker(async (browser, log) => {
    results.history.push({ count, ...(await measureHistoryQueries(browser, log)) });
  });
}
step("Worker size (npm run size)");
const size = spawnSync("npm", ["run", "size", "--silent"], { cwd: root, encoding: "utf8" });
const sizeLine = `${size.stdout}${size.stderr}`.split("\n").filter((line) => /gzip/i.test(line)).join("\n  ");

const ratio = (key) => (results.polling[key] / results.live[key]).toFixed(1);
console.log("\n\x1b[1mMessages benchmark (npm run bench:messages)\x1b[0m");
console.log(`  Send to display in a second browser, ${MESSAGES} messages:`);
console.log(`    live socket:        p50 ${results.live.p50} ms, p95 ${results.live.p95} ms (max ${results.live.max} ms)`);
console.log(`    polling every 3 s:  p50 ${results.polling.p50} ms, p95 ${results.polling.p95} ms (max ${results.polling.max} ms)`);
console.log(`    polling / live:     ${ratio("p50")}× at p50, ${ratio("p95")}× at p95`);
console.log(`  D1 queries per send: ${results.send.alone} (all the sender's tab sets off), +${results.send.perRecipientTab} per open recipient tab`);
for (const h of results.history) console.log(`  ${h.count} messages in the conversation: ${h.page} D1 queries for the conversation page, ${h.older} for each older page of 50`);
console.log(`  Worker: ${sizeLine || "see npm run size"}`);
const target = (met, text) => console.log(`  ${met ? "✔" : "✘"} ${text}`);
console.log("  Targets (printed, not asserted: a bench measures):");
target(results.send.alone <= 8, `at most 8 D1 queries per send: ${results.send.alone}`);
target(results.live.p50 <= 150, `live p50 at most 150 ms: ${results.live.p50} ms`);
target(results.polling.p50 >= 10 * results.live.p50, `live at least 10× faster than polling at p50: ${ratio("p50")}×`);
