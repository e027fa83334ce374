import { start } from "../../scripts/lib/common.mjs";

/**
 * `wrangler dev` on the built worker with BENCH_LOG_QUERIES=1: lib/db/query-log.ts then
 * logs every D1 statement it prepares ("[d1-query] ..."), and `log.queries`
 * counts them as they arrive.
 */
export function startQueryLoggingWorker({ port, state }) {
  const server = start(
    "wrangler",
    ["dev", "--port", String(port), "--persist-to", state, "--var", "BENCH_LOG_QUERIES:1", "--show-interactive-dev-session=false"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = { queries: 0 };
  server.stdout.on("data", (chunk) => (log.queries += (chunk.toString().match(/\[d1-query\]/g) ?? []).length));
  server.stderr.on("data", () => {});
  return { server, log };
}
