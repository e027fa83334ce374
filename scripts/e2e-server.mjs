// One world of the end-to-end tests: a fresh local D1 under .wrangler/e2e/<world>
// (migrated and seeded), served by `wrangler dev` from the build in .open-next,
// through the test-only entry e2e/support/test-worker.ts. playwright.config.ts
// starts two: "main" for the specs that only touch rows of their own, and "plant"
// for the specs that move what a whole plant shares (the cron's clock and sweep,
// the general and webhook settings), so those never reach the main world's rows.
// The plant world also has Workers AI, as a deployment that declares it (voice notes
// transcribed, lib/voice/): see speechConfig() below.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { experimental_readRawConfig } from "wrangler";
import { migrateLocal, root, seedLocal, start } from "./lib/common.mjs";

const TEST_WORKER = "e2e/support/test-worker.ts";
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

/**
 * The product's config plus an `AI` binding, for the plant world: a service binding to
 * the Whisper stand-in (tests/fixtures/whisper-stand-in/), which the same `wrangler dev`
 * runs beside the app, so the app calls env.AI.run() over RPC as on Cloudflare. Written
 * under the world's state, its paths made absolute; the main world, like `npm start`,
 * has no AI at all.
 */
function speechConfig() {
  const { rawConfig } = experimental_readRawConfig({ config: path.join(root, "wrangler.jsonc") });
  const config = {
    ...rawConfig,
    $schema: undefined,
    // The test worker, as the positional script gives the main world (wrangler applies that to the first config only when there is one).
    main: path.join(root, TEST_WORKER),
    assets: { ...rawConfig.assets, directory: path.join(root, rawConfig.assets.directory) },
    d1_databases: rawConfig.d1_databases.map((db) => ({ ...db, migrations_dir: path.join(root, db.migrations_dir) })),
    services: [...(rawConfig.services ?? []), { binding: "AI", service: "atelier-whisper-stand-in" }],
  };
  const file = path.join(root, state, "wrangler.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  // .dev.vars by its full path: wrangler looks for it beside the config, here under the world's state.
  return ["--config", file, "--config", "tests/fixtures/whisper-stand-in/wrangler.jsonc", "--env-file", path.join(root, ".dev.vars")];
}

rmSync(path.join(root, state), { recursive: true, force: true });
migrateLocal(state);
seedLocal(state);
const server = start("wrangler", [
  "dev",
  // Replaces wrangler.jsonc's `main` and nothing else: every binding, the Durable
  // Object, the queue and the cron trigger come from the product's config.
  ...(world === "plant" ? speechConfig() : [TEST_WORKER]),
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
