import { beforeAll, describe, expect, it } from "vitest";
import { COLUMN_PAGE, loadBoard, parseBoardFilters, parseColumnLimits } from "@/lib/tickets/board";
import { createDb } from "@/lib/db/client";
import { createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
let cast: Cast;

beforeAll(async () => {
  cast = await createCast(t.db);
});

/** The board's queries, counted at the D1 binding: what the worker would send. */
async function boardQueries(filters: Record<string, string> = {}) {
  let prepared = 0;
  const counting = new Proxy(t.d1, {
    get(target, property) {
      if (property === "prepare") return (sql: string) => (prepared++, target.prepare(sql));
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const board = await loadBoard(createDb(counting), parseBoardFilters(filters), { ...cast.technician, visibility: "own" }, new Date(), parseColumnLimits(filters));
  return { prepared, cards: board.columns.reduce((n, c) => n + c.cards.length, 0), columns: board.columns };
}

async function addTickets(count: number, from: number) {
  const machine = await createMachineRow(t.db, `Banc ${from}`);
  const statuses = ["received", "diagnostic", "in_progress", "waiting_parts", "completed"];
  await t.db.ticket.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      ticketId: `Q-${from + i}`,
      title: `Ticket ${from + i}`,
      machineId: machine.id,
      status: statuses[i % statuses.length]!,
      reportedBy: cast.operator.id,
      assignedTo: i % 2 ? cast.technician.id : 0,
    })),
  });
}

describe("the board", () => {
  it("makes the same small number of queries for 10 tickets as for 150, with or without filters", async () => {
    await addTickets(10, 0);
    const small = await boardQueries();
    await addTickets(140, 10);
    const large = await boardQueries();
    expect(small.cards).toBe(10);
    // 30 per column: each shows its first page, and its full count.
    expect(large.cards).toBe(5 * Math.min(30, COLUMN_PAGE));
    expect(large.columns.map((c) => c.count)).toEqual([30, 30, 30, 30, 30]);
    expect(large.prepared).toBe(small.prepared);
    // The plant's columns, the counts, the machines, the people, one per column: 4 + 5.
    expect(large.prepared).toBeLessThanOrEqual(9);
    const filtered = await boardQueries({ q: "Ticket 1", assignee: "me", overdue: "1", archived: "1" });
    expect(filtered.prepared).toBe(small.prepared + 1); // the archived column
    // "Afficher N de plus" on one column: more cards there, not one more query.
    const more = await boardQueries({ more: "diagnostic:30" });
    expect(more.columns.find((c) => c.status === "diagnostic")!.cards).toHaveLength(30);
    expect(more.cards).toBe(4 * Math.min(30, COLUMN_PAGE) + 30);
    expect(more.prepared).toBe(small.prepared);
  });
});
