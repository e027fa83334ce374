import { PrismaD1 } from "@prisma/adapter-d1";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { withLikeEscape } from "./search";

export type Db = PrismaClient;

/** The one way to build a Prisma client: from a D1 binding, for a request or a cron run. */
export function createDb(d1: D1Database): Db {
  const binding = withSearchEscape(d1);
  const db = new PrismaClient({ adapter: new PrismaD1(binding) });
  bindings.set(db, binding);
  return db;
}

// The binding behind each client, for writeBatch(): Prisma has no way to send a D1 batch.
const bindings = new WeakMap<Db, D1Database>();

/** One SQL statement with its values, written with the `sql` tag (Prisma's, so `Prisma.join` etc. compose). */
export type Statement = Prisma.Sql;
export const sql = Prisma.sql;
/** A table or column name in a statement: for names written in the code, never for input. */
export const sqlName = (name: string): Statement => Prisma.raw(name);

function bindable(value: unknown): unknown {
  if (value instanceof Date) return sqlDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

export interface StatementResult {
  rows: Record<string, unknown>[];
  /** Rows the statement inserted, updated or deleted. */
  changes: number;
}

/**
 * Runs the statements as one D1 batch: in order, inside one SQLite transaction,
 * so all of them are written or none. Prisma's `$transaction([...])` is not
 * this: @prisma/adapter-d1 ignores transactions and sends its queries one by
 * one (it says so in a warning), so a failure half-way leaves half the writes.
 */
export async function writeBatch(db: Db, statements: Statement[]): Promise<StatementResult[]> {
  const d1 = bindings.get(db);
  if (!d1) throw new Error("writeBatch needs a client made by createDb()");
  const results = await d1.batch(statements.map((s) => d1.prepare(s.sql).bind(...s.values.map(bindable))));
  return results.map((r) => ({ rows: (r.results ?? []) as Record<string, unknown>[], changes: Number(r.meta?.changes ?? 0) }));
}

/**
 * A change and its record (a timeline event, an audit entry), all or nothing.
 * Each record statement ends with `WHERE changes() > 0` or its equivalent (see
 * `onlyIfChanged`), so a conditional change that touched no row (moved meanwhile,
 * deleted) writes no record either. Returns the change's row count: 0 means the
 * caller refuses, and nothing at all was written.
 */
export async function changeWithRecord(db: Db, change: Statement, record: Statement | null): Promise<StatementResult> {
  const [result] = await writeBatch(db, record ? [change, record] : [change]);
  return result!;
}

/**
 * The guard of a record statement that follows its change in a batch: SQLite's
 * changes() is the row count of the statement just before (the change), and it
 * stays so for the whole record statement, however many rows it inserts.
 */
export const onlyIfChanged = Prisma.raw("changes() > 0");

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
