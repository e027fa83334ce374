// `npm start`: from a fresh clone to the app at http://localhost:8787, with the
// cron firing every 5 minutes. Safe to run again: nothing is wiped.
import {
  buildWorker,
  ensureDependencies,
  ensureLocalSecrets,
  generateCode,
  migrateLocal,
  seedLocal,
  start,
  step,
} from "./lib/common.mjs";
import { demoLogins } from "./lib/demo-logins.mjs";
import { startCronTicker, waitForServer } from "./lib/local-worker.mjs";

const PORT = Number(process.env.PORT ?? 8787);
const url = `http://localhost:${PORT}`;

ensureDependencies();
ensureLocalSecrets();
generateCode();
step("Applying migrations to the local D1 (.wrangler/state)");
migrateLocal();
step("Seeding demo data (only into an empty database)");
seedLocal();
buildWorker();

step(`Starting the worker on ${url}`);
const server = start("wrangler", ["dev", "--port", String(PORT), "--test-scheduled", "--show-interactive-dev-session=false"]);
let ticker;
const stop = (code) => {
  ticker?.stop();
  server.kill("SIGTERM");
  process.exit(code);
};
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
server.on("exit", (code) => {
  ticker?.stop();
  process.exit(code ?? 1);
});

await waitForServer(`${url}/sign-in`);
ticker = startCronTicker(`http://127.0.0.1:${PORT}`);
console.log(`
\x1b[1mAtelier is running at ${url}\x1b[0m
The cron trigger (*/5 * * * *) fires every 5 minutes on the clock; next: ${ticker.next().toLocaleTimeString("fr-CA")}.

Demo accounts:
${demoLogins()}
Press Ctrl+C to stop.
`);
