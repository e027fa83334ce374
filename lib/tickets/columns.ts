// The board's columns, the plant's own (board_columns): tickets.status holds a
// column's key, and every rule asks the column's STAGE (not started, in work,
// waiting, done, archived), never its key or its name. Overdue is "not started"
// (model.ts), open is "not done nor archived", a one-tap step goes to the first
// column of a stage; the SQL forms below are what queries, the cron and the
// figures embed, so a column an admin adds counts at once everywhere. The words:
// a column's own names, or for a built-in one never renamed the catalogue's
// (lib/i18n/*: status), so it reads in each person's language.
import { cache } from "react";
import type { Db } from "../db/client";
import type { Locale, Messages } from "../i18n";

export const stages = ["new", "in_work", "waiting", "done", "archived"] as const;
export type Stage = (typeof stages)[number];

/** Work is over in these stages: no longer open, never late. */
export const closedStages = ["done", "archived"] as const satisfies readonly Stage[];

/** Colours a column may have: named tokens with a readable contrast (components/tickets/column-color.ts draws them), never a typed hex. */
export const columnColors = ["slate", "blue", "cyan", "teal", "green", "amber", "orange", "red", "pink", "violet"] as const;
export type ColumnColor = (typeof columnColors)[number];

/** The most columns a board holds: each is one query of the board, and a phone's tabs must stay within a swipe or two. */
export const MAX_COLUMNS = 12;

/**
 * The columns every plant starts with, as prisma/migrations/0021_board_columns.sql
 * inserts them: the statuses tickets always had, in their stages. Rules never list
 * them; the move from the old system (lib/legacy/), which writes into a new
 * database, and tests do.
 */
export const builtInColumns = [
  { key: "received", stage: "new" },
  { key: "diagnostic", stage: "new" },
  { key: "in_progress", stage: "in_work" },
  { key: "waiting_parts", stage: "waiting" },
  { key: "completed", stage: "done" },
  { key: "archived", stage: "archived" },
] as const satisfies readonly { key: string; stage: Stage }[];
export type BuiltInKey = (typeof builtInColumns)[number]["key"];
export const builtInKeys: readonly BuiltInKey[] = builtInColumns.map((column) => column.key);

/** Where every report lands (createTicket): a built-in column, never deleted. */
export const RECEIVED: BuiltInKey = "received";

export interface BoardColumn {
  id: number;
  /** What tickets.status holds. */
  key: string;
  stage: Stage;
  /** Null: a built-in column never renamed in that language, which reads the catalogue's word. */
  nameFr: string | null;
  nameEn: string | null;
  color: ColumnColor;
  position: number;
  /** Received, completed and archived: renamed and recoloured, never deleted. */
  protected: boolean;
  /** A deleted column's row stays: the timeline and the audit log still name it. */
  deleted: boolean;
}

export const isStage = (value: unknown): value is Stage => (stages as readonly unknown[]).includes(value);
export const isColumnColor = (value: unknown): value is ColumnColor => (columnColors as readonly unknown[]).includes(value);
export const isClosedStage = (stage: Stage | null): boolean => stage !== null && (closedStages as readonly Stage[]).includes(stage);

/**
 * Every column, deleted ones included, in the board's order: one small query,
 * read once per request (React's cache: every component and query of a page's
 * render shares it; outside a render it simply reads).
 */
export const loadColumns = cache(async (db: Db): Promise<BoardColumn[]> => {
  const rows = await db.boardColumn.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    // The table is written only through lib/tickets/column-admin.ts, which checks both.
    stage: isStage(row.stage) ? row.stage : "new",
    nameFr: row.nameFr,
    nameEn: row.nameEn,
    color: isColumnColor(row.color) ? row.color : "slate",
    position: row.position,
    protected: row.protected,
    deleted: row.deletedAt !== null,
  }));
});

/** The columns the board shows, in its order. */
export const liveColumns = (columns: readonly BoardColumn[]) => columns.filter((column) => !column.deleted);

export const columnOf = (columns: readonly BoardColumn[], key: string) => columns.find((column) => column.key === key);

/** A status's stage; null for a key no column ever had (no rule then holds: not overdue, not closed). */
export const stageOf = (columns: readonly BoardColumn[], key: string): Stage | null => columnOf(columns, key)?.stage ?? null;

/** The keys of these stages, deleted columns' included (a deleted ticket may still hold one): the rules' Prisma form. */
export const keysOf = (columns: readonly BoardColumn[], ...wanted: Stage[]) => columns.filter((column) => wanted.includes(column.stage)).map((column) => column.key);

/**
 * Where a built-in step takes a ticket ("Commencer" and "Reprendre": in work;
 * "Terminé": done): the first column of that stage in the board's order, so the
 * steps keep working whatever columns an admin renames, adds or deletes. Done
 * always has one (completed is protected); in work may have none, once an admin
 * deleted every in-work column: then the step is not offered.
 */
export function firstColumnOf(columns: readonly BoardColumn[], stage: Stage): BoardColumn | undefined {
  return liveColumns(columns).find((column) => column.stage === stage);
}

/** A column's name in this language: its own, or the catalogue's word for a built-in one never renamed. */
export function columnName(column: Pick<BoardColumn, "key" | "nameFr" | "nameEn">, locale: Locale, t: Messages): string {
  const own = locale === "en" ? column.nameEn : column.nameFr;
  return own ?? (t.status as Record<string, string>)[column.key] ?? column.nameFr ?? column.nameEn ?? column.key;
}

/** Every column's name by key (deleted ones too, for the timeline), for pages and the client components they feed. */
export function columnNames(columns: readonly BoardColumn[], locale: Locale, t: Messages): Record<string, string> {
  return Object.fromEntries(columns.map((column) => [column.key, columnName(column, locale, t)]));
}

/** A status's name: its column's, or the key as written for one no column ever had. */
export function statusName(columns: readonly BoardColumn[], key: string, locale: Locale, t: Messages): string {
  const column = columnOf(columns, key);
  return column ? columnName(column, locale, t) : key;
}

// ---------------------------------------------------------------- the rules in SQL

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(", ");

/**
 * The keys of these stages, as SQL: what queries put after `t.status IN`. A
 * subquery rather than bound keys: it takes no D1 parameter, costs no query of its
 * own, and the cron's SQL stays a constant. Deleted columns count (see keysOf).
 */
export function stageKeysSql(...wanted: Stage[]): string {
  return `(SELECT key FROM board_columns WHERE stage IN (${quoted(wanted)}))`;
}

/** The closed statuses as SQL (done, archived). */
export const CLOSED_KEYS_SQL = stageKeysSql(...closedStages);

/** A ticket's stage as SQL over `tickets AS t` (null for an unknown key). */
export const STAGE_SQL = `(SELECT c.stage FROM board_columns c WHERE c.key = t.status)`;
