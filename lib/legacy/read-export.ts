// Reads an export of the old system's D1 database (`wrangler d1 export`, a
// SQLite dump) by running it into an in-memory SQLite: SQLite reads its own
// dump's quoting, escapes and `replace(..., char(10))` line breaks exactly, and
// each table's columns come from its CREATE TABLE, whatever their order or
// number. Node only (node:sqlite, Node 22): the import runs from a terminal,
// never in the worker.
import { DatabaseSync } from "node:sqlite";
import type { LegacyExport, LegacyRow, LegacyTable } from "./export";

export class UnreadableExport extends Error {}

export function readExport(sqlText: string): LegacyExport {
  // The dump creates tables in no particular order, with foreign keys to tables made later.
  const db = new DatabaseSync(":memory:", { enableForeignKeyConstraints: false });
  try {
    try {
      db.exec(sqlText);
    } catch (error) {
      throw new UnreadableExport(error instanceof Error ? error.message : String(error));
    }
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
      .all()
      .map((row) => String(row.name));
    const tables: Record<string, LegacyTable> = {};
    for (const name of names) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      const columns = db.prepare(`PRAGMA table_info(${quoted})`).all().map((column) => String(column.name));
      const rows = db.prepare(`SELECT * FROM ${quoted}`).all().map((row) => ({ ...row }) as LegacyRow);
      tables[name] = { columns, rows };
    }
    return { tables };
  } finally {
    db.close();
  }
}
