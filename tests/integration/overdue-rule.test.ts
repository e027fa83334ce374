// The overdue rule has three forms (lib/tickets/model.ts): isOverdue() for the
// cards, overdueWhere() for Prisma (dashboard, board filter) and OVERDUE_SQL for
// the webhook claims. They must agree on every case, here all 108 of them.
import { beforeAll, describe, expect, it } from "vitest";
import { sqlDate } from "@/lib/db/sql";
import { isOverdue, OVERDUE_SQL, overdueWhere, TEAM_ASSIGNEE, ticketStatuses } from "@/lib/tickets/model";
import { freshDatabase } from "./helpers/local-d1";
import { createFixtures } from "./helpers/tickets";

const t = freshDatabase();
const now = new Date("2026-11-23T15:00:00Z");
const when = { past: new Date("2026-11-20T13:00:00Z"), future: new Date("2026-11-30T13:00:00Z"), none: null };

interface Case {
  id: number;
  assignee: "person" | "team" | "unassigned";
  status: string;
  schedule: keyof typeof when;
  deleted: boolean;
}
const cases: Case[] = [];

beforeAll(async () => {
  const { reporter, technician, machine } = await createFixtures(t.db);
  const assignees = { person: technician.id, team: TEAM_ASSIGNEE, unassigned: null };
  for (const assignee of ["person", "team", "unassigned"] as const)
    for (const status of ticketStatuses)
      for (const schedule of ["past", "future", "none"] as const)
        for (const deleted of [false, true]) {
          const ticket = await t.db.ticket.create({
            data: {
              ticketId: `RULE-${cases.length}`,
              title: `${assignee} ${status} ${schedule} ${deleted}`,
              machineId: machine.id,
              reportedBy: reporter.id,
              status,
              assignedTo: assignees[assignee],
              scheduledDate: when[schedule],
              deletedAt: deleted ? now : null,
            },
          });
          cases.push({ id: ticket.id, assignee, status, schedule, deleted });
        }
});

describe("the overdue rule", () => {
  // The rule in the words of the brief: assigned (a person or the team), scheduled
  // in the past, still received or in diagnostic, not deleted.
  const expected = () =>
    cases
      .filter((c) => c.assignee !== "unassigned" && (c.status === "received" || c.status === "diagnostic") && c.schedule === "past" && !c.deleted)
      .map((c) => c.id)
      .sort((a, b) => a - b);

  it("covers every case: 3 assignees × 6 statuses × 3 schedules × deleted or not", () => {
    expect(cases).toHaveLength(108);
    expect(expected()).toHaveLength(4);
  });

  it("reads the same in JavaScript, Prisma and SQL", async () => {
    const rows = await t.db.ticket.findMany({ select: { id: true, assignedTo: true, status: true, scheduledDate: true, deletedAt: true } });
    const inJs = rows.filter((row) => isOverdue(row, now)).map((r) => r.id);
    const inPrisma = (await t.db.ticket.findMany({ where: overdueWhere(now), select: { id: true } })).map((r) => r.id);
    const inSql = (await t.db.$queryRawUnsafe<{ id: number }[]>(`SELECT t.id FROM tickets t WHERE ${OVERDUE_SQL}`, sqlDate(now))).map((r) =>
      Number(r.id),
    );
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    expect(sorted(inJs)).toEqual(expected());
    expect(sorted(inPrisma)).toEqual(expected());
    expect(sorted(inSql)).toEqual(expected());
  });
});
