// The checks on the built worker that `npm run size` and `npm test` share:
// what Cloudflare would upload must fit the free plan, carry no wasm or
// native file that the worker does not load, and no test hook.
import { readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { root, runQuiet, step } from "./common.mjs";

// Cloudflare's free plan refuses a worker over 3 MiB gzip.
const BUDGET_KIB = 3 * 1024;
const SERVER_FUNCTIONS = path.join(".open-next", "server-functions", "default");
const DRY_RUN_DIR = path.join(".wrangler", "dist");

// The only binary the worker loads: Prisma's query compiler, which the generated
// client (lib/generated) imports and Turbopack emits as a chunk. Anything else is
// something tracing dragged in (PLATFORM.md §10) and would be uploaded for nothing.
// wrangler's upload prefixes each module with its content hash.
const allowedBinary = /^(?:[0-9a-f]{40}-)?lib_generated_prisma_internal_query_compiler_small_bg_[\w-]+\.wasm$/;

// The end-to-end tests' own entry (e2e/support/test-worker.ts) adds a SQL route
// and is served only by scripts/e2e-server.mjs. Its path and its token's name must
// never reach the bundle wrangler deploys: an import of e2e/ from the product would.
const testHooks = ["/__test/", "E2E_SQL_TOKEN"];

function binariesUnder(dir) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(wasm|node)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Measures the upload with `wrangler deploy --dry-run` and exits non-zero on any problem. */
export function checkWorkerBundle() {
  step("Checking the worker bundle (wrangler deploy --dry-run): contents and the 3 MiB budget");
  const problems = [];

  for (const file of binariesUnder(SERVER_FUNCTIONS)) {
    if (!allowedBinary.test(path.basename(file))) problems.push(`unexpected binary in the server bundle: ${file}`);
  }

  rmSync(path.join(root, DRY_RUN_DIR), { recursive: true, force: true });
  const result = runQuiet("wrangler", ["deploy", "--dry-run", "--outdir", DRY_RUN_DIR]);
  const output = `${result.stdout}\n${result.stderr}`;
  const match = output.match(/Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/);
  if (result.status !== 0 || !match) {
    console.error(output);
    console.error("✖ Could not read the upload size from wrangler's output.");
    process.exit(1);
  }
  const uploaded = readdirSync(path.join(root, DRY_RUN_DIR)).filter((name) => !/^(worker\.js(\.map)?|README\.md)$/.test(name));
  for (const name of uploaded) {
    if (!allowedBinary.test(name)) problems.push(`unexpected module in the upload: ${name}`);
  }

  const bundle = readFileSync(path.join(root, DRY_RUN_DIR, "worker.js"), "utf8");
  for (const hook of testHooks) {
    if (bundle.includes(hook)) problems.push(`the deployable worker carries a test hook: ${JSON.stringify(hook)} (see e2e/support/test-worker.ts)`);
  }

  const [raw, gzip] = [Number(match[1]), Number(match[2])];
  const mib = (kib) => (kib / 1024).toFixed(2);
  console.log(`Worker size: ${raw.toFixed(0)} KiB raw (${mib(raw)} MiB), ${gzip.toFixed(0)} KiB gzip (${mib(gzip)} MiB)`);
  console.log(`Budget: ${mib(BUDGET_KIB)} MiB gzip; headroom ${mib(BUDGET_KIB - gzip)} MiB (${((gzip / BUDGET_KIB) * 100).toFixed(0)} % used)`);
  console.log(`Modules beside worker.js: ${uploaded.join(", ") || "none"}`);
  if (gzip > BUDGET_KIB) problems.push("over budget: the worker would not deploy on the Cloudflare free plan");

  if (problems.length) {
    for (const problem of problems) console.error(`✖ ${problem}`);
    process.exit(1);
  }
}
