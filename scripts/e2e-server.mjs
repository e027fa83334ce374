// One world of the end-to-end tests: a fresh local D1 under .wrangler/e2e/<world>
// (migrated and seeded), served by `wrangler dev` from the build in .open-next,
// through the test-only entry e2e/support/test-worker.ts. playwright.config.ts
// starts two: "main" for the specs that only touch rows of their own, and "plant"
// for the specs that move what a whole plant shares (the cron's clock and sweep,
// the general and webhook settings), so those never reach the main world's rows.
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateLocal, root, seedLocal, start } from "./lib/common.mjs";

const world = process.env.E2E_WORLD ?? "main";
if (!/^[a-z]+$/.test(world)) {
  console.error(`E2E_WORLD must be a plain name, not ${JSON.stringify(world)}.`);
  process.exit(1);
}
const state = path.join(".wrangler", "e2e", world);
const port = Number(process.env.E2E_PORT ?? 8788);
// Opens the test worker's SQL route; playwright.config.ts makes one per run.
const sqlToken = process.env.E2E_SQL_TOKEN;
if (!sqlToken) {
  console.error("E2E_SQL_TOKEN is not set: start this server through Playwright (npm run test:e2e).");
  process.exit(1);
}

rmSync(path.join(root, state), { recursive: true, force: true });
migrateLocal(state);
seedLocal(state);
const server = start("wrangler", [
  "dev",
  // Replaces wrangler.jsonc's `main` and nothing else: every binding, the Durable
  // Object, the queue and the cron trigger come from the product's config.
  "e2e/support/test-worker.ts",
  "--port",
  String(port),
  // Two worlds (and other checkouts' servers) run side by side: each its own debugger port.
  "--inspector-port",
  String(port + 1000),
  "--persist-to",
  state,
  "--test-scheduled",
  "--var",
  `E2E_SQL_TOKEN:${sqlToken}`,
  "--show-interactive-dev-session=false",
]);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
