// A machine's label has two forms (lib/machines/model.ts): machineLabel() for
// pages and payloads, machineLabelSql() for queries that read it beside other
// tables (notifications, pushes, search). They must name every machine alike,
// empty and missing models included.
import { beforeAll, describe, expect, it } from "vitest";
import { sqlName } from "@/lib/db/sql";
import { machineLabel, machineLabelSql } from "@/lib/machines/model";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
const machineIds: number[] = [];

beforeAll(async () => {
  for (const machineType of ["Tour CNC Haas", "Presse  hydraulique ", ""])
    for (const model of ["ST-20", " 250T", "", null]) {
      const machine = await t.db.machine.create({ data: { machineType, model }, select: { id: true } });
      machineIds.push(machine.id);
    }
});

describe("a machine's label", () => {
  it("reads the same in JavaScript and SQL", async () => {
    const rows = await t.db.machine.findMany({ where: { id: { in: machineIds } }, select: { id: true, machineType: true, model: true } });
    const inSql = await t.db.$queryRaw<{ id: number; label: string }[]>`
      SELECT m.id, ${sqlName(machineLabelSql("m"))} AS label FROM machines m WHERE m.id IN (SELECT value FROM json_each(${JSON.stringify(machineIds)}))`;
    const sqlLabel = new Map(inSql.map((r) => [Number(r.id), r.label]));
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(sqlLabel.get(row.id), JSON.stringify(row)).toBe(machineLabel(row));
    expect(rows.map(machineLabel)).toContain("Tour CNC Haas ST-20");
  });
});
