// The orders a list of tickets can be sorted in (lib/tickets/sort.ts) have three
// forms: compareSorted() in JavaScript, SORT_SQL for "Mon travail"'s bounded query,
// and Prisma's orderBy for the board's columns (urgency: planned from the counts by
// priority, lib/tickets/board.ts). On a real D1 they must agree on every case, each
// column keeping its cap, and the urgency's extra reads staying bounded.
import { beforeAll, describe, expect, it } from "vitest";
import { countingD1 } from "../../bench/lib/count-d1.mjs";
import { createDb } from "@/lib/db/client";
import { COLUMN_PAGE, loadBoard, parseBoardFilters, parseColumnLimits } from "@/lib/tickets/board";
import { TEAM_ASSIGNEE, ticketPriorities } from "@/lib/tickets/model";
import { compareSorted, SORT_SQL, type ChosenSort, type SortFacts } from "@/lib/tickets/sort";
import { listWork } from "@/lib/tickets/work";
import { createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
let cast: Cast;
const sorts: ChosenSort[] = ["urgency", "oldest", "planned"];
const now = new Date("2026-11-23T15:00:00Z");
const hour = 3_600_000;
const openStatuses = ["received", "diagnostic", "in_progress", "waiting_parts"];

beforeAll(async () => {
  cast = await createCast(t.db, "sorts");
  const machine = await t.db.machine.create({ data: { machineType: "Tour", model: "T1" } });
  const rows = [];
  // Every column holds more than a page: 3 × 4 priorities × 2 assignees, created over
  // the last days (some at the same instant: the id decides), scheduled or not.
  let n = 0;
  for (const status of [...openStatuses, "completed"])
    for (const priority of ticketPriorities)
      for (let copy = 0; copy < 3; copy++)
        for (const assignedTo of [cast.technician.id, TEAM_ASSIGNEE]) {
          n++;
          rows.push({
            ticketId: `SORT-${n}`,
            title: `Tri ${n}`,
            machineId: machine.id,
            reportedBy: cast.operator.id,
            status,
            priority,
            assignedTo,
            createdAt: new Date(now.getTime() - ((n * 7) % 40) * hour),
            scheduledDate: n % 3 === 0 ? null : new Date(now.getTime() + (((n * 5) % 30) - 10) * hour),
          });
        }
  await t.db.ticket.createMany({ data: rows });
});

const facts = () => t.db.ticket.findMany({ select: { id: true, status: true, priority: true, assignedTo: true, createdAt: true, scheduledDate: true } });
const inJs = <T extends SortFacts>(rows: T[], sort: ChosenSort) => [...rows].sort((a, b) => compareSorted(sort, a, b)).map((row) => row.id);

describe("the orders a list can be sorted in", () => {
  for (const sort of sorts) {
    it(`${sort}: reads the same in JavaScript and in SQL`, async () => {
      const inSql = await t.db.$queryRawUnsafe<{ id: number }[]>(`SELECT t.id FROM tickets t ORDER BY ${SORT_SQL[sort]}`);
      expect(inSql.map((row) => Number(row.id))).toEqual(inJs(await facts(), sort));
    });

    it(`${sort}: each board column shows its first page in that order, then its next pages`, async () => {
      const rows = await facts();
      const reader = { ...cast.supervisor, visibility: "all" as const };
      for (const more of [{}, { more: `received:${COLUMN_PAGE * 2},completed:${COLUMN_PAGE * 3}` }]) {
        const limits = parseColumnLimits(more);
        const board = await loadBoard(t.db, parseBoardFilters({ sort, ...more }), reader, now, limits);
        for (const column of board.columns) {
          const expected = inJs(rows.filter((row) => row.status === column.status), sort);
          const cap = limits[column.status] ?? COLUMN_PAGE;
          expect(column.cards.map((card) => card.id), `${column.status}, ${JSON.stringify(more)}`).toEqual(expected.slice(0, cap));
          expect(column.count).toBe(expected.length);
        }
      }
    });

    it(`${sort}: "Mon travail" lists the person's and the team's open tickets in that order`, async () => {
      const open = (await facts()).filter((row) => openStatuses.includes(row.status));
      const mine = await listWork(t.db, { userId: cast.technician.id, scope: "mine", sort, now, timeZone: "America/Toronto", take: 500 });
      expect(mine.items.map((item) => item.id)).toEqual(inJs(open.filter((row) => row.assignedTo === cast.technician.id), sort));
      const team = await listWork(t.db, { userId: cast.technician.id, scope: "team", sort, now, timeZone: "America/Toronto", take: 500 });
      expect(team.items.map((item) => item.id)).toEqual(inJs(open.filter((row) => row.assignedTo === TEAM_ASSIGNEE), sort));
      const firstFive = await listWork(t.db, { userId: cast.technician.id, scope: "all", sort, now, timeZone: "America/Toronto", take: 5 });
      expect(firstFive.items.map((item) => item.id)).toEqual(inJs(open, sort).slice(0, 5));
      expect(firstFive.total).toBe(open.length);
    });
  }

  it("the urgency costs at most one query more than the board's own order, whatever the counts", async () => {
    const queries = async (params: Record<string, string>) => {
      const { d1, counter } = countingD1(t.d1);
      await loadBoard(createDb(d1), parseBoardFilters(params), { ...cast.admin, visibility: "all" }, now, parseColumnLimits(params));
      return counter.queries;
    };
    const own = await queries({});
    expect(await queries({ sort: "urgency" })).toBeLessThanOrEqual(own + 1);
    expect(await queries({ sort: "urgency", more: "received:200" })).toBeLessThanOrEqual(own + 1);
    expect(await queries({ sort: "oldest" })).toBe(own);
    expect(await queries({ sort: "planned" })).toBe(own);
  });
});
