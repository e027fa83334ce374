import { describe, expect, it } from "vitest";
import { COLUMN_MAX, COLUMN_PAGE, boardColumns, boardSearchParams, boardWhere, hasFilters, parseBoardFilters, parseColumnLimits, showMore } from "./board";
import { builtInColumns, type BoardColumn } from "./columns";

// The built-in columns, and one the plant added to "not started" after them.
const columns: BoardColumn[] = [
  ...builtInColumns.map((c, i) => ({ id: i + 1, key: c.key, stage: c.stage, nameFr: null, nameEn: null, color: "slate" as const, position: i + 1, protected: false, deleted: false })),
  { id: 7, key: "col_7", stage: "new", nameFr: "À trier", nameEn: "To sort", color: "cyan", position: 7, protected: false, deleted: false },
];

describe("board filters", () => {
  it("read every filter from the URL", () => {
    const filters = parseBoardFilters({ q: " presse ", priority: "high", assignee: "12", machine: "3", overdue: "1", mine: "1", archived: "1" });
    expect(filters).toEqual({ q: "presse", priority: "high", assignee: "12", machine: 3, overdue: true, mine: true, archived: true, sort: "default" });
    expect(hasFilters(filters)).toBe(true);
  });

  it("ignore what they do not understand instead of failing", () => {
    const filters = parseBoardFilters({ priority: "urgent", assignee: "<script>", machine: "-4", overdue: "yes", q: ["a", "b"] });
    expect(filters).toEqual({ q: "a", priority: null, assignee: null, machine: null, overdue: false, mine: false, archived: false, sort: "default" });
    expect(hasFilters(parseBoardFilters({ archived: "1" }))).toBe(false);
  });

  it("round-trip through the URL, keeping it short", () => {
    const filters = parseBoardFilters({ q: "tour", assignee: "team", overdue: "1" });
    expect(boardSearchParams(filters).toString()).toBe("q=tour&assignee=team&overdue=1");
    expect(parseBoardFilters(Object.fromEntries(boardSearchParams(filters)))).toEqual(filters);
  });

  it("keep the chosen order in the URL, which is not a filter", () => {
    expect(parseBoardFilters({ sort: "urgency" }).sort).toBe("urgency");
    expect(parseBoardFilters({ sort: ["planned", "oldest"] }).sort).toBe("planned");
    expect(parseBoardFilters({ sort: "random" }).sort).toBe("default");
    expect(hasFilters(parseBoardFilters({ sort: "oldest" }))).toBe(false);
    expect(boardSearchParams(parseBoardFilters({ q: "tour", sort: "oldest" })).toString()).toBe("q=tour&sort=oldest");
    expect(boardSearchParams(parseBoardFilters({ sort: "default" })).toString()).toBe("");
  });

  it("combine into one condition, never showing deleted tickets", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    const where = boardWhere(parseBoardFilters({ mine: "1", overdue: "1", assignee: "me" }), { id: 7, role: "technician", visibility: "own" }, now, columns);
    expect(where.AND).toEqual([
      { deletedAt: null },
      {},
      { assignedTo: 7 },
      // The overdue rule, from its one definition (lib/tickets/model.ts): every column "not started".
      { deletedAt: null, assignedTo: { not: null }, status: { in: ["received", "diagnostic", "col_7"] }, scheduledDate: { lt: now } },
      { OR: [{ assignedTo: 7 }, { reportedBy: 7 }] },
    ]);
  });

  it("show an operator only their own reports when the plant says so", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    const own = boardWhere(parseBoardFilters({}), { id: 7, role: "operator", visibility: "own" }, now, columns);
    expect(own.AND).toEqual([{ deletedAt: null }, { reportedBy: 7 }]);
    const all = boardWhere(parseBoardFilters({}), { id: 7, role: "operator", visibility: "all" }, now, columns);
    expect(all.AND).toEqual([{ deletedAt: null }, {}]);
  });
});

describe("a column's pages", () => {
  it("reads only column keys and counts past the first page, capped", () => {
    expect(parseColumnLimits({ more: `diagnostic:${COLUMN_PAGE * 2},No-pe:50,received:abc,in_progress:${COLUMN_MAX * 10},completed:1,col_12:${COLUMN_PAGE + 1}` })).toEqual({
      diagnostic: COLUMN_PAGE * 2,
      in_progress: COLUMN_MAX,
      col_12: COLUMN_PAGE + 1,
    });
    expect(parseColumnLimits({})).toEqual({});
  });

  it("links to one more page of a column, keeping the filters and the other columns' pages", () => {
    const filters = parseBoardFilters({ q: "presse", overdue: "1", sort: "urgency" });
    const more = showMore(filters, { received: COLUMN_PAGE * 2 }, { status: "diagnostic", count: COLUMN_PAGE + 3 });
    expect(more?.count).toBe(3);
    const params = new URL(more!.href, "http://x").searchParams;
    expect(parseBoardFilters(Object.fromEntries(params))).toEqual(filters);
    expect(parseColumnLimits(Object.fromEntries(params))).toEqual({ received: COLUMN_PAGE * 2, diagnostic: COLUMN_PAGE * 2 });
  });

  it("offers no link once a column shows all its cards, or as many as it may", () => {
    expect(showMore(parseBoardFilters({}), {}, { status: "received", count: COLUMN_PAGE })).toBeNull();
    expect(showMore(parseBoardFilters({}), { received: COLUMN_MAX }, { status: "received", count: COLUMN_MAX + 1 })).toBeNull();
  });
});

describe("the board's columns", () => {
  it("are the plant's live columns in their order, the archived ones only when asked for", () => {
    const deleted = { ...columns[1]!, deleted: true };
    const plant = [columns[0]!, deleted, ...columns.slice(2)];
    expect(boardColumns(plant, false).map((c) => c.key)).toEqual(["received", "in_progress", "waiting_parts", "completed", "col_7"]);
    expect(boardColumns(plant, true).map((c) => c.key)).toEqual(["received", "in_progress", "waiting_parts", "completed", "archived", "col_7"]);
  });
});
