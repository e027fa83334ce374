// The "who" rules of lib/permissions.ts have more than one form: isAssignable()
// and assignableWhere (Prisma) for who a ticket or plan can be given to, the role
// lists and their SQL (WHOLE_TEAM_SQL, LEADS_SQL, STAFF_SQL) for who a notification
// reaches. Each pair must pick the same people, here over every role (the guest's
// too), active or not.
import { beforeAll, describe, expect, it } from "vitest";
import { sqlName } from "@/lib/db/sql";
import { allRoles, assignableWhere, can, isAssignable, isGuest, leads, LEADS_SQL, STAFF_SQL, WHOLE_TEAM_SQL, wholeTeam } from "@/lib/permissions";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
const people: { id: number; role: string; active: boolean }[] = [];

beforeAll(async () => {
  for (const role of allRoles)
    for (const active of [true, false]) {
      const user = await t.db.user.create({
        data: { email: `${role}-${active}-${Date.now()}@usine.test`, name: `${role} ${active}`, role, active, passwordHash: "x" },
        select: { id: true, role: true, active: true },
      });
      people.push(user);
    }
});

const ids = (rows: { id: number | bigint }[]) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);
const expected = (keep: (p: (typeof people)[number]) => boolean) => ids(people.filter(keep));

async function inSql(condition: string) {
  const mine = JSON.stringify(people.map((p) => p.id));
  return ids(await t.db.$queryRaw<{ id: number }[]>`SELECT u.id FROM users u WHERE u.id IN (SELECT value FROM json_each(${mine})) AND ${sqlName(condition)}`);
}

describe("who is who", () => {
  it("covers every role, active and deactivated", () => {
    expect(people).toHaveLength(allRoles.length * 2);
  });

  it("assignable: active technicians, supervisors and admins, the same in JavaScript and Prisma", async () => {
    const want = expected((p) => p.active && p.role !== "operator" && p.role !== "guest");
    expect(want).toHaveLength(3);
    expect(ids(people.filter(isAssignable))).toEqual(want);
    const inPrisma = await t.db.user.findMany({ where: { id: { in: people.map((p) => p.id) }, ...assignableWhere }, select: { id: true } });
    expect(ids(inPrisma)).toEqual(want);
  });

  it("whoever can be assigned a ticket may work on it, and no one else", () => {
    for (const role of allRoles) expect(isAssignable({ role, active: true }), role).toBe(can({ id: 1, role }, "ticket.take"));
  });

  it("the whole team ('Toute l'équipe') is technicians and supervisors, not admins, in JavaScript and SQL", async () => {
    const want = expected((p) => p.role === "technician" || p.role === "supervisor");
    expect(ids(people.filter((p) => (wholeTeam as readonly string[]).includes(p.role)))).toEqual(want);
    expect(await inSql(WHOLE_TEAM_SQL)).toEqual(want);
  });

  it("the plant's people, the team channel's members, are every role but guests, in JavaScript and SQL", async () => {
    const want = expected((p) => p.role !== "guest");
    expect(ids(people.filter((p) => !isGuest(p)))).toEqual(want);
    expect(await inSql(STAFF_SQL)).toEqual(want);
  });

  it("leads are supervisors and admins, in JavaScript and SQL", async () => {
    const want = expected((p) => p.role === "supervisor" || p.role === "admin");
    expect(ids(people.filter((p) => (leads as readonly string[]).includes(p.role)))).toEqual(want);
    expect(await inSql(LEADS_SQL)).toEqual(want);
  });
});
