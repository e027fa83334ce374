// The worker Playwright drives: a fresh local D1 under .wrangler/e2e (migrated and
// seeded), served by `wrangler dev` from the build in .open-next.
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateLocal, root, seedLocal, start } from "./lib/common.mjs";

export const E2E_STATE = ".wrangler/e2e";
const port = process.env.E2E_PORT ?? "8788";
// Opens worker.ts's test-only SQL route; playwright.config.ts makes one per run.
const sqlToken = process.env.E2E_SQL_TOKEN;
if (!sqlToken) {
  console.error("E2E_SQL_TOKEN is not set: start this server through Playwright (npm run test:e2e).");
  process.exit(1);
}

rmSync(path.join(root, E2E_STATE), { recursive: true, force: true });
migrateLocal(E2E_STATE);
seedLocal(E2E_STATE);
const server = start("wrangler", [
  "dev",
  "--port",
  port,
  "--persist-to",
  E2E_STATE,
  "--test-scheduled",
  "--var",
  `E2E_SQL_TOKEN:${sqlToken}`,
  "--show-interactive-dev-session=false",
]);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
