// The worker the end-to-end tests drive: the product's entry (worker.ts) as it
// ships, plus one route the product must never carry. scripts/e2e-server.mjs
// serves this file with `wrangler dev e2e/support/test-worker.ts`, which takes its
// bindings (D1, R2, the Durable Object, the queue, the cron trigger) from the
// product's wrangler.jsonc unchanged; `wrangler deploy` and `npm run size` bundle
// worker.ts, where this route does not exist (scripts/lib/worker-bundle.mjs checks).
//
// The tests read and seed rows through the worker's own D1 binding: a second
// process opening the SQLite file that `wrangler dev` holds (wrangler d1 execute
// --local) failed with SQLITE_BUSY on a loaded machine. The token is random per
// run (playwright.config.ts, handed over with `wrangler dev --var`), so another
// local process cannot write to the test database through this port.
import product, { ConversationHub } from "../../worker";
import { TEST_SQL_PATH } from "./test-route";

// wrangler.jsonc's durable_objects binding names this class: the entry must export it.
export { ConversationHub };

type TestEnv = CloudflareEnv & { E2E_SQL_TOKEN?: string };

async function sameToken(given: string, expected: string): Promise<boolean> {
  // Compared as SHA-256 digests, every byte: neither the length nor the first
  // differing byte shows in the time taken.
  const digest = async (value: string) => new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value)));
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

async function runTestSql(request: Request, env: TestEnv): Promise<Response> {
  const expected = env.E2E_SQL_TOKEN;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "");
  if (!expected || !given || request.method !== "POST" || !(await sameToken(given, expected))) {
    return new Response("Not found", { status: 404 });
  }
  const { sql } = (await request.json()) as { sql: string };
  try {
    const { results } = await env.DB.prepare(sql).all();
    return Response.json({ results });
  } catch (error) {
    return Response.json({ error: String(error) }, { status: 400 });
  }
}

export default {
  ...product,
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === TEST_SQL_PATH) return runTestSql(request, env);
    return product.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<CloudflareEnv>;
