import { PrismaD1 } from "@prisma/adapter-d1";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { PrismaClient } from "../generated/prisma/client";
import { withLikeEscape } from "./like-pattern";
import { withQueryLog } from "./query-log";

export type Db = PrismaClient;

// The binding behind each client, for writeBatch(): Prisma has no way to send a D1 batch.
const bindings = new WeakMap<Db, D1Database>();

/** The one way to build a Prisma client: from a D1 binding, for a request or a cron run. */
export function createDb(d1: D1Database): Db {
  const binding = withLikeEscape(d1);
  const db = new PrismaClient({ adapter: new PrismaD1(binding) });
  bindings.set(db, binding);
  return db;
}

/** The D1 binding a client was built on (lib/db/batch.ts sends its batches through it). */
export function bindingOf(db: Db): D1Database {
  const d1 = bindings.get(db);
  if (!d1) throw new Error("this client was not made by createDb()");
  return d1;
}

// One client per D1 binding, kept for the isolate's life. Building a Prisma client
// instantiates its query compiler (WebAssembly) and decodes the data model: about
// 12 ms of CPU, which made every request pay more than the free plan's 10 ms before
// rendering anything (seen in a CPU profile of /sign-in). The client holds no I/O
// object of its own: each query goes through the binding, which every request may
// use, so requests can share it. Keyed by the binding object, so a test or a second
// environment with another database never gets this one.
const perBinding = new WeakMap<object, Db>();

/** The Prisma client for the current request (server components, actions, route handlers). */
export async function getDb(): Promise<Db> {
  const { env } = await getCloudflareContext({ async: true });
  let db = perBinding.get(env.DB);
  if (!db) {
    const logQueries = (env as { BENCH_LOG_QUERIES?: string }).BENCH_LOG_QUERIES === "1";
    db = createDb(logQueries ? withQueryLog(env.DB) : env.DB);
    perBinding.set(env.DB, db);
  }
  return db;
}
