// `npm run bench:lighthouse`: Lighthouse's mobile scores (performance and
// accessibility) for sign-in, the home (a supervisor's and a technician's), board and a ticket page, on the built
// worker, in Debian's Chromium with the flags the end-to-end tests use.
// Prints, does not assert. Targets: performance >= 90, accessibility 100.
//
// Reuses a worker already answering on BENCH_LIGHTHOUSE_URL (e.g. `npm start`'s
// http://localhost:8787); otherwise builds if sources changed and serves the build
// on port 8796 with a demo database of its own (.wrangler/lighthouse).
// LIGHTHOUSE_RUNS=3 takes the median of three runs per page: simulated throttling
// scales with the machine's speed, and a loaded machine scores lower.
import { chromium as playwright } from "@playwright/test";
import lighthouse from "lighthouse";
import { step } from "../scripts/lib/common.mjs";
import { chromium } from "../playwright.config.ts";
import { ensureDemoWorker } from "./lib/demo-worker.mjs";
import { cookieHeader, signInAs } from "./lib/sign-in.mjs";

const STATE = ".wrangler/lighthouse";
const ORIGIN = process.env.BENCH_LIGHTHOUSE_URL ?? "http://localhost:8796";
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
const DEBUGGING_PORT = 9334;

/** The session cookie of a demo account, signed in through the form as a person would. */
async function sessionCookie(browser, role) {
  const context = await browser.newContext();
  await signInAs(await context.newPage(), ORIGIN, role);
  const cookie = await cookieHeader(context);
  await context.close();
  return cookie;
}

const seconds = (ms) => (ms === undefined ? "n/a" : `${(ms / 1000).toFixed(1)} s`);

async function audit(url, cookie) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    // Lighthouse's default config is the mobile one (Moto G Power, simulated slow 4G and 4x CPU).
    const result = await lighthouse(url, {
      port: DEBUGGING_PORT,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    const { categories, audits, environment } = result.lhr;
    if (result.lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended on ${result.lhr.finalDisplayedUrl}`);
    runs.push({
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      fcp: audits["first-contentful-paint"].numericValue,
      lcp: audits["largest-contentful-paint"].numericValue,
      tbt: audits["total-blocking-time"].numericValue,
      cls: audits["cumulative-layout-shift"].numericValue,
      failed: Object.values(audits)
        .filter((a) => a.score === 0 && categories.accessibility.auditRefs.some((ref) => ref.id === a.id && ref.weight > 0))
        .map((a) => a.id),
      benchmarkIndex: environment.benchmarkIndex,
      // Why a metric is missing (a page Lighthouse could not measure), printed instead of a number.
      error: result.lhr.runtimeError?.message ?? ["largest-contentful-paint", "total-blocking-time"].map((id) => audits[id].errorMessage).find(Boolean),
    });
  }
  runs.sort((a, b) => a.performance - b.performance);
  return runs[Math.floor(runs.length / 2)];
}

const server = await ensureDemoWorker(ORIGIN, STATE);
const browser = await playwright.launch({
  executablePath: chromium.executablePath,
  args: [...chromium.args, `--remote-debugging-port=${DEBUGGING_PORT}`],
});
try {
  const cookie = await sessionCookie(browser, "supervisor");
  const board = await (await fetch(`${ORIGIN}/tickets`, { headers: { cookie } })).text();
  const ticket = board.match(/href="(\/tickets\/(?!new|export)[^"?#]+)"/)?.[1];
  if (!ticket) throw new Error("no ticket link on the board");
  const pages = [
    ["sign-in", "/sign-in", null],
    // The home is each role's: a supervisor's "À décider", a technician's "Mon travail" (one-tap steps).
    ["to decide", "/", cookie],
    ["my work", "/", await sessionCookie(browser, "technician")],
    ["board", "/tickets", cookie],
    ["ticket page", ticket, cookie],
  ];
  const rows = [];
  for (const [name, path, pageCookie] of pages) {
    step(`Lighthouse (mobile): ${name} ${path}`);
    rows.push({ name, path, ...(await audit(`${ORIGIN}${path}`, pageCookie)) });
  }
  console.log(`\n\x1b[1mLighthouse mobile (npm run bench:lighthouse${RUNS > 1 ? `, median of ${RUNS}` : ""})\x1b[0m   target: performance ≥ 90, accessibility 100`);
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(12)} performance ${String(r.performance).padStart(3)}  accessibility ${String(r.accessibility).padStart(3)}` +
        `   FCP ${seconds(r.fcp)}, LCP ${seconds(r.lcp)}, TBT ${r.tbt === undefined ? "n/a" : `${r.tbt.toFixed(0)} ms`}, CLS ${r.cls?.toFixed(3) ?? "n/a"}` +
        (r.failed.length ? `   failing: ${r.failed.join(", ")}` : "") +
        (r.error ? `   (${r.error})` : ""),
    );
  }
  console.log(`  (machine benchmark index ${rows[0].benchmarkIndex.toFixed(0)}: Lighthouse's simulated throttling scales with it)`);
} finally {
  await browser.close();
  if (server) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}
