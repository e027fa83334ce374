// Writes that must be all or nothing. D1 has no interactive transactions, but a
// batch() runs its statements in order inside one SQLite transaction.
import { Prisma } from "../generated/prisma/client";
import { bindingOf, type Db } from "./client";
import { bindable, type Statement } from "./sql";

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
  const d1 = bindingOf(db);
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
