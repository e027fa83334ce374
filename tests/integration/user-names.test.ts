import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nameKey } from "@/lib/accounts/names";
import * as accounts from "@/lib/accounts/users";
import { addComment } from "@/lib/tickets/comments";
import { getTicketDetails } from "@/lib/tickets/queries";
import type { Who } from "@/lib/permissions";
import { MIGRATIONS_DIR } from "../../scripts/lib/migration-diff.mjs";
import { freshDatabase } from "./helpers/local-d1";
import { direct, refusal } from "./helpers/refusal";
import { createFixtures, createTicket } from "./helpers/tickets";

const createUser = direct(accounts.createUser);
const updateUser = direct(accounts.updateUser);
const updateProfile = direct(accounts.updateProfile);
const setUserActive = direct(accounts.setUserActive);
const comment = direct(addComment);

const t = freshDatabase();
let admin: Who;
let operator: Who;
let counter = 0;

async function insertUser(name: string, role: Who["role"]) {
  const user = await t.db.user.create({
    data: { email: `nom${++counter}@usine.test`, name, nameKey: nameKey(name), role, passwordHash: "x" },
  });
  return { id: user.id, role } as Who;
}

beforeAll(async () => {
  admin = await insertUser("Élise Roy", "admin");
  operator = await insertUser("Marc Tremblay", "operator");
});

describe("display names are unique among active users, without case or accents", () => {
  it("refuses an operator renaming themselves to the admin's name written otherwise", async () => {
    for (const name of ["elise roy", "ELISE  ROY", "Elise Roy"]) {
      const refused = await refusal(updateProfile(t.db, operator, { name }));
      expect(refused.code).toBe("duplicateName");
      expect(refused.options.field).toBe("name");
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: operator.id } })).name).toBe("Marc Tremblay");
  });

  it("lets a person keep their own name in another case", async () => {
    expect(await updateProfile(t.db, operator, { name: "Marc TREMBLAY" })).toMatchObject({ name: "Marc TREMBLAY" });
    await updateProfile(t.db, operator, { name: "Marc Tremblay" });
  });

  it("refuses the name in the admin's create and edit forms", async () => {
    const created = refusal(createUser(t.db, admin, { name: "élise ROY", email: "autre@usine.test", role: "operator", password: "temporaire-2026-x" }));
    expect((await created).code).toBe("duplicateName");
    const edited = refusal(updateUser(t.db, admin, { id: operator.id, name: "Élise roy", email: "nom2@usine.test", role: "operator" }));
    expect((await edited).code).toBe("duplicateName");
  });

  it("frees a deactivated person's name, and refuses their reactivation while someone else has it", async () => {
    const before = await insertUser("Paul Gagnon", "technician");
    await setUserActive(t.db, admin, { id: before.id, active: false });
    const after = await createUser(t.db, admin, { name: "Paul Gagnon", email: "paul2@usine.test", role: "technician", password: "temporaire-2026-x" });
    expect(after.name).toBe("Paul Gagnon");
    expect((await refusal(setUserActive(t.db, admin, { id: before.id, active: true }))).code).toBe("duplicateName");
  });

  it("is enforced by the database too: two active rows cannot share a key", async () => {
    await expect(t.db.user.update({ where: { id: operator.id }, data: { nameKey: nameKey("Élise Roy") } })).rejects.toThrow();
  });

  it("the migration keys existing rows exactly as nameKey() does, for every accented letter of Latin-1", async () => {
    const letters = [];
    for (let c = 0xc0; c <= 0xff; c++) if (/\p{L}/u.test(String.fromCodePoint(c))) letters.push(String.fromCodePoint(c));
    letters.push("Œ", "œ", "Ÿ");
    const names = [...letters.map((l) => `Ab ${l}${l.toLowerCase()}z`), "  Zoé   Gagnon ", "Hélène Côté-Bérubé"];
    for (const name of names) {
      // Inactive, without a key: as rows stood before the migration.
      await t.db.user.create({ data: { email: `cle${++counter}@usine.test`, name, role: "operator", passwordHash: "x", active: false } });
    }
    const sql = readFileSync(path.join(MIGRATIONS_DIR, "0008_sessions_throttle_names.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf("WITH RECURSIVE"), sql.indexOf(";", sql.indexOf("WITH RECURSIVE")));
    await t.d1.prepare(backfill).run();
    const rows = await t.db.user.findMany({ where: { name: { in: names } }, select: { name: true, nameKey: true } });
    expect(rows).toHaveLength(names.length);
    for (const row of rows) expect([row.name, row.nameKey]).toEqual([row.name, nameKey(row.name)]);
  });
});

describe("comments", () => {
  it("carry the author's role beside the name", async () => {
    const fixtures = await createFixtures(t.db);
    const ticket = await createTicket(t.db, fixtures);
    const technician = { id: fixtures.technician.id, role: "technician" } as Who;
    await comment(t.db, technician, { ticketId: ticket.id, content: "Vérifié sur place" });
    const details = await getTicketDetails(t.db, ticket.ticketId, { ...technician, visibility: "own" });
    expect(details?.comments.map((c) => [c.user.name, c.user.role])).toEqual([["Julie Roy", "technician"]]);
  });
});
