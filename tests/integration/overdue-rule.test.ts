// The overdue rule has three forms (lib/tickets/model.ts): isOverdue() for the
// cards, overdueWhere() for Prisma (dashboard, board filter) and OVERDUE_SQL for
// the webhook claims. They must agree on every case, here all 144 of them: the six
// built-in columns and two the plant added, one "not started" and one "waiting".
import { beforeAll, describe, expect, it } from "vitest";
import { sqlDate } from "@/lib/db/sql";
import { isOverdue, OVERDUE_SQL, overdueWhere, TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { builtInKeys, loadColumns, stageOf } from "@/lib/tickets/columns";
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
// "À trier" is not started, as received and diagnostic are; "Attente fournisseur" waits.
const custom = { toSort: { key: "col_7", stage: "new" }, supplier: { key: "col_8", stage: "waiting" } };
const statuses = [...builtInKeys, custom.toSort.key, custom.supplier.key];

beforeAll(async () => {
  const { reporter, technician, machine } = await createFixtures(t.db);
  for (const [i, column] of [custom.toSort, custom.supplier].entries()) {
    await t.db.boardColumn.create({
      data: { ...column, nameFr: `Colonne ${i}`, nameEn: `Column ${i}`, color: "teal", position: 7 + i, createdAt: now, updatedAt: now },
    });
  }
  const assignees = { person: technician.id, team: TEAM_ASSIGNEE, unassigned: null };
  for (const assignee of ["person", "team", "unassigned"] as const)
    for (const status of statuses)
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
  // in the past, not started (received, diagnostic, or the plant's own column of that
  // stage), not deleted.
  const notStarted = ["received", "diagnostic", custom.toSort.key];
  const expected = () =>
    cases
      .filter((c) => c.assignee !== "unassigned" && notStarted.includes(c.status) && c.schedule === "past" && !c.deleted)
      .map((c) => c.id)
      .sort((a, b) => a - b);

  it("covers every case: 3 assignees × 8 columns × 3 schedules × deleted or not", () => {
    expect(cases).toHaveLength(144);
    expect(expected()).toHaveLength(6);
  });

  it("reads the same in JavaScript, Prisma and SQL", async () => {
    const columns = await loadColumns(t.db);
    const rows = await t.db.ticket.findMany({ select: { id: true, assignedTo: true, status: true, scheduledDate: true, deletedAt: true } });
    const inJs = rows.filter((row) => isOverdue({ ...row, stage: stageOf(columns, row.status) }, now)).map((r) => r.id);
    const inPrisma = (await t.db.ticket.findMany({ where: overdueWhere(now, columns), select: { id: true } })).map((r) => r.id);
    const inSql = (await t.db.$queryRawUnsafe<{ id: number }[]>(`SELECT t.id FROM tickets t WHERE ${OVERDUE_SQL}`, sqlDate(now))).map((r) =>
      Number(r.id),
    );
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    expect(sorted(inJs)).toEqual(expected());
    expect(sorted(inPrisma)).toEqual(expected());
    expect(sorted(inSql)).toEqual(expected());
  });
});
