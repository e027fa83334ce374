import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nameKey } from "@/lib/accounts/names";
import * as accounts from "@/lib/accounts/users";
import { messagesFor } from "@/lib/i18n";
import { perform } from "@/lib/operation";
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

describe("names that look like someone else's (issue 21, item 2)", () => {
  let sophie: Who;
  beforeAll(async () => {
    sophie = await insertUser("Sophie Tremblay", "supervisor");
    await insertUser("Marc Gagnon", "technician");
    await insertUser("Cece Hayes", "technician");
  });
  const newAccount = (name: string) =>
    createUser(t.db, admin, { name, email: `sosie${++counter}@usine.test`, role: "operator", password: "temporaire-2026-x" });

  // The eleven the audit saw accepted; the team channel then showed two "Sophie Tremblay".
  const lookAlikes: [string, string, string][] = [
    ["\"Sophie Tremblay\" followed by U+200B", "Sophie Tremblay\u200b", "nameInvisible"],
    ["\"Sophie Tremblay\" followed by ZWNJ", "Sophie Tremblay\u200c", "nameInvisible"],
    ["\"Sophie Tremblay\" followed by U+2060", "Sophie Tremblay\u2060", "nameInvisible"],
    ["\"Sophie Tremblay\" followed by a soft hyphen", "Sophie Tremblay\u00ad", "nameInvisible"],
    ["\"Sophie Tremblay\" followed by LRM", "Sophie Tremblay\u200e", "nameInvisible"],
    ["\"Sophie Tremblay\" followed by U+3164", "Sophie Tremblay\u3164", "nameInvisible"],
    ["\"Sophie Tremblay\" with a Cyrillic о", "S\u043ephie Tremblay", "nameMixedScripts"],
    ["\"Sophie Tremblay\" with a Cyrillic Ѕ", "\u0405ophie Tremblay", "nameMixedScripts"],
    ["\"Sophie Tremblay\" with a Greek ο", "S\u03bfphie Tremblay", "nameMixedScripts"],
    ["\"Sophie Tremblay\" reversed by RLO", "\u202eyalbmerT eihpoS", "nameInvisible"],
    ["\"Marc Gagnon\" followed by U+200B", "Marc Gagnon\u200b", "nameInvisible"],
  ];

  for (const [how, name, rule] of lookAlikes) {
    it(`refuses ${how}, on the admin's form and on the profile, and writes nothing`, async () => {
      const created = await refusal(newAccount(name));
      expect([created.code, created.options.field]).toEqual([rule, "name"]);
      const renamed = await refusal(updateProfile(t.db, operator, { name }));
      expect([renamed.code, renamed.options.field]).toEqual([rule, "name"]);
      const edited = await refusal(updateUser(t.db, admin, { id: operator.id, name, email: "nom2@usine.test", role: "operator" }));
      expect([edited.code, edited.options.field]).toEqual([rule, "name"]);
      expect(await t.db.user.count({ where: { name } })).toBe(0);
    });
  }

  it("refuses what looks like an active name in one alphabet: capitals, accents, rn for m, a whole name in Cyrillic", async () => {
    for (const name of ["SOPHIE TREMBLAY", "Sophie Tremblây", "Sophie Trernblay", "\u0421\u0435\u0441\u0435 \u041d\u0430\u0443\u0435\u0455", "Ｍarc Ｇagnon"]) {
      const refused = await refusal(newAccount(name));
      expect([name, refused.code, refused.options.field]).toEqual([name, "duplicateName", "name"]);
    }
  });

  it("says so in words, in French and in English", async () => {
    const input = { name: "Sophie Tremblay\u200b", email: "mots@usine.test", role: "operator", password: "temporaire-2026-x" };
    const user = { ...admin, name: "Élise Roy", email: "nom1@usine.test" };
    const fr = await perform(accounts.createUser, input, { db: t.db, user, t: messagesFor("fr"), locale: "fr" });
    const en = await perform(accounts.createUser, input, { db: t.db, user, t: messagesFor("en"), locale: "en" });
    expect(!fr.ok && fr.fieldErrors?.name).toBe(messagesFor("fr").rules.nameInvisible);
    expect(!en.ok && en.fieldErrors?.name).toBe(messagesFor("en").rules.nameInvisible);
    const taken = await perform(accounts.createUser, { ...input, name: "Sophie Trernblay" }, { db: t.db, user, t: messagesFor("fr"), locale: "fr" });
    expect(!taken.ok && taken.fieldErrors?.name).toMatch(/^Un compte actif porte déjà ce nom, ou un nom qui s’y confond /);
  });

  it("accepts the names of Québec and of elsewhere, each in its own alphabet", async () => {
    const names = ["Émilie Côté", "Jean-François O'Neil", "Marie-Ève Lévesque", "Zoë Bérubé-Œuvray", "Nguyễn Thị Minh", "Ольга Петрова", "山田 はなこ"];
    for (const name of names) expect((await newAccount(name)).name).toBe(name);
  });

  it("stores a name as it reads: full-width letters and odd spaces become plain ones", async () => {
    expect((await newAccount("Ｌéa\u00a0\u2003Ｐoirier")).name).toBe("Léa Poirier");
  });

  it("leaves a look-alike already stored as it is, and keeps it from coming back while the real one is active", async () => {
    const legacy = await t.db.user.create({
      data: { email: `ancien${++counter}@usine.test`, name: "Sophie Tremblay\u00ad", role: "operator", passwordHash: "x", active: false },
    });
    expect((await refusal(setUserActive(t.db, admin, { id: legacy.id, active: true }))).code).toBe("duplicateName");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: legacy.id } })).name).toBe("Sophie Tremblay\u00ad");
    // The real Sophie keeps her own name.
    expect(await updateProfile(t.db, sophie, { name: "Sophie Tremblay" })).toMatchObject({ name: "Sophie Tremblay" });
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
