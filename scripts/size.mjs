// `npm run size`: builds the worker and reports what Cloudflare would upload.
// Budget: 3 MiB gzip, the free plan's limit per worker.
import { rmSync } from "node:fs";
import path from "node:path";
import { buildWorker, root, runQuiet, step } from "./lib/common.mjs";

const BUDGET_KIB = 3 * 1024;

buildWorker();
step("Measuring the worker bundle (wrangler deploy --dry-run)");
rmSync(path.join(root, ".wrangler", "dist"), { recursive: true, force: true });
const result = runQuiet("wrangler", ["deploy", "--dry-run", "--outdir", ".wrangler/dist"]);
const output = `${result.stdout}\n${result.stderr}`;
const match = output.match(/Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/);
if (result.status !== 0 || !match) {
  console.error(output);
  console.error("Could not read the upload size from wrangler's output.");
  process.exit(1);
}
const [raw, gzip] = [Number(match[1]), Number(match[2])];
const mib = (kib) => (kib / 1024).toFixed(2);
console.log(`Worker size: ${raw.toFixed(0)} KiB raw (${mib(raw)} MiB), ${gzip.toFixed(0)} KiB gzip (${mib(gzip)} MiB)`);
console.log(`Budget: ${mib(BUDGET_KIB)} MiB gzip; headroom ${mib(BUDGET_KIB - gzip)} MiB (${((gzip / BUDGET_KIB) * 100).toFixed(0)} % used)`);
if (gzip > BUDGET_KIB) {
  console.error("Over budget: the worker would not deploy on the Cloudflare free plan.");
  process.exit(1);
}
