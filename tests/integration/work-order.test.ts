// The order of "Mon travail" has two forms (lib/tickets/work-order.ts):
// compareWork() in JavaScript, which groups the home's list, and WORK_ORDER_SQL,
// which orders and bounds its query. They must agree on every case, on the
// spring DST day, when the factory's today is 23 hours long.
import { beforeAll, describe, expect, it } from "vitest";
import { sqlDate } from "@/lib/db/sql";
import { TEAM_ASSIGNEE, ticketPriorities } from "@/lib/tickets/model";
import { listWork } from "@/lib/tickets/work";
import { compareWork, factoryToday, workRank, WORK_ORDER_SQL } from "@/lib/tickets/work-order";
import { loadColumns, stageOf } from "@/lib/tickets/columns";
import { freshDatabase } from "./helpers/local-d1";
import { createFixtures } from "./helpers/tickets";

const t = freshDatabase();
const zone = "America/Toronto";
// Noon on 8 March 2026 in Toronto, the day clocks go from EST to EDT.
const now = new Date("2026-03-08T16:00:00Z");
const schedules = {
  yesterday: new Date("2026-03-07T15:00:00Z"),
  thisMorning: new Date("2026-03-08T14:00:00Z"),
  tonight: new Date("2026-03-09T03:30:00Z"), // 23:30 EDT on the 8th
  midnight: new Date("2026-03-09T04:00:00Z"), // 00:00 on the 9th
  afterMidnight: new Date("2026-03-09T04:30:00Z"), // still "today" if a day were 24 h from midnight
  none: null,
};
const openStatuses = ["received", "diagnostic", "in_progress", "waiting_parts"];
let technicianId = 0;

beforeAll(async () => {
  const fixtures = await createFixtures(t.db);
  technicianId = fixtures.technician.id;
  const rows = [];
  let n = 0;
  for (const assignedTo of [technicianId, TEAM_ASSIGNEE])
    for (const status of openStatuses)
      for (const priority of ticketPriorities)
        for (const scheduledDate of Object.values(schedules))
          rows.push({
            ticketId: `ORDER-${n++}`,
            title: `${assignedTo} ${status} ${priority} ${scheduledDate?.toISOString() ?? "none"}`,
            machineId: fixtures.machine.id,
            reportedBy: fixtures.reporter.id,
            status,
            priority,
            assignedTo,
            scheduledDate,
          });
  await t.db.ticket.createMany({ data: rows });
});

describe("the order of the work", () => {
  const today = factoryToday(now, zone);
  // Each with its column's stage, as the home reads it.
  const facts = async () => {
    const columns = await loadColumns(t.db);
    const rows = await t.db.ticket.findMany({ select: { id: true, assignedTo: true, status: true, priority: true, scheduledDate: true, deletedAt: true } });
    return rows.map((row) => ({ ...row, stage: stageOf(columns, row.status) }));
  };

  it("covers every case: 2 assignees × 4 open statuses × 4 priorities × 6 schedules", async () => {
    const rows = await facts();
    expect(rows).toHaveLength(192);
    const count = (rank: string) => rows.filter((row) => workRank(row, now, today) === rank).length;
    // Overdue: not started (2 statuses) and due before now (yesterday, this morning).
    expect(count("overdue")).toBe(2 * 2 * 4 * 2);
    // Critical, not overdue: 2 × (4 × 6 − 2 × 2) = 40.
    expect(count("critical")).toBe(40);
    // Due today, neither: this morning's started ones and tonight's, 3 priorities.
    expect(count("today")).toBe(2 * 3 * (2 + 4));
  });

  it("reads the same in JavaScript, in SQL, and in the home's list", async () => {
    const rows = await facts();
    const inJs = [...rows].sort((a, b) => compareWork(a, b, now, today)).map((row) => row.id);
    const inSql = (
      await t.db.$queryRawUnsafe<{ id: number }[]>(`SELECT t.id FROM tickets t ORDER BY ${WORK_ORDER_SQL}`, sqlDate(now), sqlDate(today.start), sqlDate(today.end))
    ).map((row) => Number(row.id));
    expect(inSql).toEqual(inJs);
    const listed = await listWork(t.db, { userId: technicianId, scope: "all", now, timeZone: zone, take: 500 });
    expect(listed.items.map((item) => item.id)).toEqual(inJs);
  });
});
