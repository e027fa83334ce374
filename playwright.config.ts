import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8788);
export const baseURL = `http://localhost:${port}`;
// The "plant" world: its own worker and D1 for the specs that move what a whole
// plant shares (scripts/e2e-server.mjs says which).
const plantPort = port + 1;
const plantURL = `http://localhost:${plantPort}`;

// Opens the test worker's SQL route (e2e/support/test-worker.ts) for this run only. Set once
// in the runner; its test workers and the web server inherit it (`??=`: when a worker
// loads this file again it keeps the runner's value). Never written to disk.
process.env.E2E_SQL_TOKEN ??= randomBytes(32).toString("base64url");

// Debian's Chromium: Playwright cannot download its own browser here. bench/ launches it with the same flags.
export const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  // One worker: the machine has two cores, and a spec's timings are sized for one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Sized for a loaded 2-core machine (load 7-20 beside another build), where one
  // step crossing the worker and D1 can take seconds: generous limits, no retries.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".reports/e2e.json" }]],
  use: {
    baseURL,
    locale: "fr-CA",
    timezoneId: "America/Toronto",
    trace: "retain-on-failure",
    launchOptions: chromium,
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
  },
  projects: [
    { name: "setup", testMatch: /fixtures\/sign-in\.setup\.ts/ },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      dependencies: ["setup"],
      // *.phone.spec.ts are about the 360 px layout only; *.plant.spec.ts run in their own world.
      testIgnore: [/\.phone\.spec\.ts$/, /\.plant\.spec\.ts$/],
    },
    {
      name: "phone",
      // 360 px: the narrowest phone on the shop floor.
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, launchOptions: chromium },
      dependencies: ["setup"],
      // The shell, the board's drag and drop (by finger, and by mouse on a narrow screen), the live board, a scanned label, and *.phone.spec.ts.
      testMatch: [/(shell|tickets\/drag)\/.*\.spec\.ts/, /tickets\/live-board\.spec\.ts/, /machines\/scan-label\.spec\.ts/, /\.phone\.spec\.ts$/],
    },
    {
      // Specs that fire the cron (at the real time or at one they choose: its sweep
      // takes every overdue ticket in the database) or change a plant-wide setting
      // (general, webhooks, logo): a worker and D1 of their own, so no other spec
      // sees their clock, their runs or their settings. The demo sessions saved by
      // "setup" open this world too: both are seeded alike, the sessions are JWTs
      // signed with the same .dev.vars secret, and cookies ignore the port.
      name: "plant",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, baseURL: plantURL },
      dependencies: ["setup"],
      testMatch: /\.plant\.spec\.ts$/,
    },
  ],
  webServer: [world("main", port), world("plant", plantPort)],
});

function world(name: string, worldPort: number) {
  return {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${worldPort}/sign-in`,
    reuseExistingServer: false,
    // Migrations, the seed (PBKDF2 per demo user), bundling the 9 MB worker and
    // its first request: about a minute quiet, several under load.
    timeout: 360_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: { E2E_WORLD: name, E2E_PORT: String(worldPort), E2E_SQL_TOKEN: process.env.E2E_SQL_TOKEN! },
  };
}
