import { PrismaD1 } from "@prisma/adapter-d1";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { PrismaClient } from "./generated/prisma/client";
import { withLikeEscape } from "./search";

export type Db = PrismaClient;

/** The one way to build a Prisma client: from a D1 binding, for a request or a cron run. */
export function createDb(d1: D1Database): Db {
  return new PrismaClient({ adapter: new PrismaD1(withSearchEscape(d1)) });
}

/** The binding with each statement's SQL passed through `edit` before it is prepared. */
function editingStatements(d1: D1Database, edit: (sql: string) => string): D1Database {
  return new Proxy(d1, {
    get(target, property) {
      if (property === "prepare") return (sql: string) => target.prepare(edit(sql));
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

// Prisma cannot name a LIKE escape character; see lib/search.ts.
const withSearchEscape = (d1: D1Database) => editingStatements(d1, withLikeEscape);

// One client per request: the ExecutionContext object lives exactly as long as it.
const perRequest = new WeakMap<object, Db>();

/** The Prisma client for the current request (server components, actions, route handlers). */
export async function getDb(): Promise<Db> {
  const { env, ctx } = await getCloudflareContext({ async: true });
  const key = (ctx as object | undefined) ?? env;
  let db = perRequest.get(key);
  if (!db) {
    const logQueries = (env as { BENCH_LOG_QUERIES?: string }).BENCH_LOG_QUERIES === "1";
    db = createDb(logQueries ? withQueryLog(env.DB) : env.DB);
    perRequest.set(key, db);
  }
  return db;
}

/** A date as Prisma writes it to D1, for the few raw statements (guarded updates, bulk inserts). */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A unique index refused the write (Prisma's P2002, or D1's own message through a raw statement). */
export function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ""} ${error.message}` : String(error);
  return /P2002|UNIQUE constraint failed/i.test(text);
}

/** The R2 bucket for photos, videos and the logo: the one a caller passes (tests), else the worker's. */
export async function getMediaBucket(options: { media?: R2Bucket } = {}): Promise<R2Bucket> {
  return options.media ?? (await getCloudflareContext({ async: true })).env.MEDIA;
}

/**
 * A D1 binding that logs each statement it prepares ("[d1-query] SELECT ..."):
 * how `npm run bench:board` counts the queries a page really makes. Enabled
 * only when the worker runs with the BENCH_LOG_QUERIES=1 variable.
 */
export function withQueryLog(d1: D1Database): D1Database {
  return editingStatements(d1, (sql) => {
    console.log(`[d1-query] ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
    return sql;
  });
}
