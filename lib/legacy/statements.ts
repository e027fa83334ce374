// The import as one SQL file, run by `wrangler d1 execute --file`: D1 runs a
// file as one transaction (locally wrangler sends its statements as one batch();
// remotely D1's import API rolls the database back when a statement fails), so a
// failure midway leaves the database as it was, and the same command can simply
// be run again.
//
// Values are written into the statements, not bound: a file has no parameters, so
// D1's 100 bound parameters per statement do not apply. Its limit on a
// statement's size (100 KB) does: rows are grouped into INSERTs of at most
// MAX_STATEMENT_BYTES, and a text too long for one is written in pieces.
//
// The first statement refuses a database that holds data, and records the import
// in the audit log: its action is NULL, which the NOT NULL constraint refuses,
// when users, machines, tickets or messages exist. Written in the same
// transaction, so checking and importing cannot be split by another write.
import { sqlDate } from "../db/sql";
import type { Cell, ImportPlan, Rows, TableName } from "./rows";

export const MAX_STATEMENT_BYTES = 90_000;
/** SQLite caps a multi-row VALUES at 500 rows (SQLITE_MAX_COMPOUND_SELECT). */
export const MAX_ROWS_PER_INSERT = 200;
/** A text longer than this is inserted in pieces (an INSERT, then UPDATEs appending). */
export const MAX_TEXT_BYTES = 30_000;

/** What D1 answers when the first statement finds data: the command says "not empty" instead. */
export const NOT_EMPTY_ERROR = /NOT NULL constraint failed: audit_logs\.action/;

/** Tables whose rows are imported with their id, and the conflict key of the others. */
const conflictKey: Partial<Record<TableName, string>> = { settings: "key" };

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** A value as SQL text. Wrangler strips "BEGIN TRANSACTION" from a file it runs, so a text holding it is written in two parts. */
export function literal(value: Cell | boolean | undefined): string {
  if (value === null || value === undefined) return "NULL";
  if (value instanceof Date) return `'${sqlDate(value)}'`;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NULL";
  const quoted = value.replaceAll("\u0000", "").replaceAll("'", "''").replaceAll("BEGIN TRANSACTION", "BEGIN TRANS' || 'ACTION");
  return `'${quoted}'`;
}

/** Cuts a text into pieces of at most MAX_TEXT_BYTES, on character boundaries. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const char of text) {
    const length = bytes(char);
    if (size + length > MAX_TEXT_BYTES) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += length;
  }
  out.push(current);
  return out;
}

function tableStatements(table: TableName, rows: Record<string, Cell>[]): string[] {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]!);
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES\n`;
  const tail = conflictKey[table]
    ? `\nON CONFLICT (${conflictKey[table]}) DO UPDATE SET ${columns.filter((c) => c !== conflictKey[table]).map((c) => `${c} = excluded.${c}`).join(", ")}`
    : "";
  const statements: string[] = [];
  const appends: string[] = [];
  let values: string[] = [];
  let size = bytes(head) + bytes(tail);
  const flush = () => {
    if (values.length) statements.push(`${head}${values.join(",\n")}${tail}`);
    values = [];
    size = bytes(head) + bytes(tail);
  };
  for (const row of rows) {
    const cells = columns.map((column) => {
      const value = row[column] ?? null;
      if (typeof value !== "string" || bytes(value) <= MAX_TEXT_BYTES) return literal(value);
      const [first, ...rest] = pieces(value);
      for (const piece of rest) appends.push(`UPDATE ${table} SET ${column} = ${column} || ${literal(piece)} WHERE id = ${literal(row.id ?? null)}`);
      return literal(first!);
    });
    const tuple = `(${cells.join(", ")})`;
    if (values.length >= MAX_ROWS_PER_INSERT || size + bytes(tuple) + 2 > MAX_STATEMENT_BYTES) flush();
    values.push(tuple);
    size += bytes(tuple) + 2;
  }
  flush();
  return [...statements, ...appends];
}

/** The counts the audit entry of the import keeps. */
export function auditSummary(rows: Rows): Record<string, number> {
  return {
    people: rows.users.length,
    machines: rows.machines.length,
    tickets: rows.tickets.length,
    messages: rows.messages.length,
    alerts: rows.webhook_notifications.length,
  };
}

/** The guard and audit entry: fails (NOT_EMPTY_ERROR) on a database that holds data. */
export function guardStatement(rows: Rows, now: Date): string {
  const data = ["users", "machines", "tickets", "messages"].map((table) => `EXISTS (SELECT 1 FROM ${table})`).join(" OR ");
  return `INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, before, after, created_at)
SELECT NULL, CASE WHEN ${data} THEN NULL ELSE 'legacy.imported' END, 'legacy', NULL, NULL, ${literal(JSON.stringify(auditSummary(rows)))}, ${literal(now)}`;
}

/** Every statement of the import, in order: the guard, then each table after the ones it refers to. */
export function importStatements(plan: ImportPlan, now: Date): string[] {
  const tables = Object.keys(plan.rows) as TableName[];
  return [guardStatement(plan.rows, now), ...tables.flatMap((table) => tableStatements(table, plan.rows[table] as unknown as Record<string, Cell>[]))];
}

/** The statements as the file wrangler runs. */
export function importFile(statements: string[]): string {
  return `${statements.join(";\n")};\n`;
}

/** How many rows each Atelier table should hold after the import: what the command checks, and the guide's counts. */
export function expectedCounts(plan: { rows: Rows }): Record<TableName, number> {
  return Object.fromEntries(Object.entries(plan.rows).map(([table, rows]) => [table, rows.length])) as Record<TableName, number>;
}
