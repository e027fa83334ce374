// The worker a browser bench drives: one already answering at `origin` (e.g. `npm start`'s,
// whose demo data the bench then changes), or the build served with wrangler dev on a demo
// database of the bench's own (`state`), made fresh on every run.
import { rmSync } from "node:fs";
import { buildWorker, migrateLocal, seedLocal, start, step } from "../../scripts/lib/common.mjs";
import { waitForServer } from "../../scripts/lib/local-worker.mjs";

async function answers(url) {
  try {
    await fetch(url, { redirect: "manual" });
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the worker answers; gives the server it started (to stop), or null when it reused one. */
export async function ensureDemoWorker(origin, state) {
  if (await answers(`${origin}/sign-in`)) {
    console.log(`Reusing the worker at ${origin}.`);
    return null;
  }
  buildWorker();
  step(`Preparing ${state}: migrations and demo seed`);
  rmSync(state, { recursive: true, force: true });
  migrateLocal(state);
  seedLocal(state);
  const server = start("wrangler", ["dev", "--port", new URL(origin).port, "--persist-to", state, "--show-interactive-dev-session=false"], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  // A loaded machine can take minutes to bundle and start the worker.
  await waitForServer(`${origin}/sign-in`, { timeoutMs: 600_000 });
  return server;
}
