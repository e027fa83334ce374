// Raw SQL for the statements Prisma cannot write (guarded updates, bulk inserts,
// changes with their records in one batch): Prisma's own tag, so `Prisma.join`
// and friends compose, and the values are always bound, never spliced.
import { Prisma } from "../generated/prisma/client";

/** One SQL statement with its values, written with the `sql` tag. */
export type Statement = Prisma.Sql;
export const sql = Prisma.sql;
/** A table or column name in a statement: for names written in the code, never for input. */
export const sqlName = (name: string): Statement => Prisma.raw(name);

/** A date as Prisma writes it to D1, for the few raw statements (guarded updates, bulk inserts). */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A value as D1 binds it: dates as Prisma writes them, booleans as 0/1. */
export function bindable(value: unknown): unknown {
  if (value instanceof Date) return sqlDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

/** A unique index refused the write (Prisma's P2002, or D1's own message through a raw statement). */
export function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ""} ${error.message}` : String(error);
  return /P2002|UNIQUE constraint failed/i.test(text);
}
