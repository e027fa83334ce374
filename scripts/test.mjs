// `npm test`: everything, in order of cost: typecheck, lint, unit, integration
// (real local D1), the built worker's size and contents (as `npm run size`),
// then the built worker driven by Playwright in Chromium.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  buildWorker,
  ensureDependencies,
  ensureLocalSecrets,
  generateCode,
  isRoot,
  root,
  run,
  step,
} from "./lib/common.mjs";
import { checkWorkerBundle } from "./lib/worker-bundle.mjs";

const CHROMIUM = "/usr/bin/chromium";
// Not test-results/: Playwright empties that folder when it starts.
const reports = path.join(root, ".reports");

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (!isRoot()) {
    console.error(`Chromium is missing: run \`sudo apt-get update && sudo apt-get install -y chromium\`, then npm test again.`);
    process.exit(1);
  }
  step("Installing Chromium for the end-to-end tests (apt-get)");
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "chromium"], { env: { DEBIAN_FRONTEND: "noninteractive" } });
}

function vitestCounts(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function playwrightCounts(file) {
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky };
}

ensureDependencies();
ensureChromium();
ensureLocalSecrets();
generateCode();
rmSync(reports, { recursive: true, force: true });

step("Typecheck (tsc)");
run("tsc", ["--noEmit"]);
step("Lint (eslint)");
run("eslint", ["--max-warnings", "0", "."]);

const vitestJson = (name) => ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, `${name}.json`)}`];
step("Unit tests (vitest)");
run("vitest", ["run", "--project", "unit", ...vitestJson("unit")]);
step("Integration tests against a real local D1 (vitest + miniflare)");
run("vitest", ["run", "--project", "integration", ...vitestJson("integration")]);

buildWorker();
checkWorkerBundle();
step("End-to-end tests against the built worker (Playwright + Chromium)");
run("playwright", ["test"]);

const totals = [
  vitestCounts(path.join(reports, "unit.json")),
  vitestCounts(path.join(reports, "integration.json")),
  playwrightCounts(path.join(reports, "e2e.json")),
].reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }));
console.log(`\nAll suites: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
