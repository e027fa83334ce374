// The old system's database as its export holds it (`wrangler d1 export`): each
// table with the columns its CREATE TABLE declares and its rows keyed by column
// name, never by position. Its schema drifted from its own migrations (its code
// reads columns no migration creates), so every read here tolerates a column or
// a table that is missing, and ignores the ones it does not know.

export type LegacyValue = string | number | bigint | null | Uint8Array;
export type LegacyRow = Record<string, LegacyValue>;

export interface LegacyTable {
  columns: string[];
  rows: LegacyRow[];
}

export interface LegacyExport {
  tables: Record<string, LegacyTable>;
}

/** The rows of a table, or none when the export has no such table. */
export function rowsOf(source: LegacyExport, table: string): LegacyRow[] {
  return source.tables[table]?.rows ?? [];
}

/** A value as text: null for SQL NULL and for the "null" a browser once wrote. */
export function text(value: LegacyValue | undefined): string | null {
  if (value === null || value === undefined || value instanceof Uint8Array) return null;
  const s = String(value);
  return s === "null" ? null : s;
}

/** A value as trimmed text, null when empty. */
export function words(value: LegacyValue | undefined): string | null {
  return text(value)?.trim() || null;
}

/** A value as an integer: numbers, and text that is one; null otherwise. */
export function int(value: LegacyValue | undefined): number | null {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return null;
}

/** A SQLite boolean (1/0, "true"/"false"); `fallback` when absent. */
export function flag(value: LegacyValue | undefined, fallback = false): boolean {
  if (value === null || value === undefined) return fallback;
  if (typeof value === "string") return !/^\s*(0|false|)\s*$/i.test(value);
  return Number(value) !== 0;
}

const SQLITE_DATE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An instant the old system stored. It writes UTC as `YYYY-MM-DD HH:MM:SS`
 * (SQLite's CURRENT_TIMESTAMP) or as ISO text with a Z (JavaScript's
 * toISOString); both name the same instants, which are kept. A date alone is
 * its midnight UTC. Null for NULL, "", "null" and anything unreadable.
 */
export function instant(value: LegacyValue | undefined): Date | null {
  const s = text(value)?.trim();
  if (!s) return null;
  const match = SQLITE_DATE.exec(s);
  if (!match) return null;
  const [, day, time = "00:00:00", zone = "Z"] = match;
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${day}T${time.length === 5 ? `${time}:00` : time}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
