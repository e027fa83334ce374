import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOM, parseCell, parseCsv } from "@/lib/csv/csv";
import type { Db } from "@/lib/db/client";
import * as machinesCsv from "@/lib/machines/csv";
import { exportMachinesCsv } from "@/lib/machines/csv";
import { roles, type Role, type Who as Actor } from "@/lib/permissions";
import { parseBoardFilters } from "@/lib/tickets/board";
import { exportTicketsCsv } from "@/lib/tickets/csv";
import { seedDemoData } from "../../prisma/seed";
import { createTestDatabase, type TestDatabase } from "./helpers/local-d1";
import { direct, refusal } from "./helpers/refusal";

const asFile = (text: string) => ({ file: new File([text], "machines.csv", { type: "text/csv" }) });
const checkMachineImport = (db: Db, actor: Actor, text: string) => direct(machinesCsv.checkMachineImport)(db, actor, asFile(text));
const importMachines = (db: Db, actor: Actor, text: string) => direct(machinesCsv.importMachines)(db, actor, asFile(text));

const code = async (promise: Promise<unknown>) => (await refusal(promise)).code;

let source: TestDatabase;
let empty: TestDatabase;
const now = new Date("2026-11-23T15:00:00Z");
const actors = {} as Record<Role, Actor>;
let emptyAdmin: Actor;

beforeAll(async () => {
  [source, empty] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDemoData(source.db, { now, hash: async (p) => `plain$${p}` });
  for (const role of roles) {
    const user = await source.db.user.findFirstOrThrow({ where: { role, email: { endsWith: "@atelier.demo" } }, orderBy: { id: "asc" } });
    actors[role] = { id: user.id, role };
  }
  const admin = await empty.db.user.create({ data: { email: "admin@vide.test", name: "Admin", role: "admin", passwordHash: "x" } });
  emptyAdmin = { id: admin.id, role: "admin" };
});
afterAll(async () => {
  await Promise.all([source?.close(), empty?.close()]);
});

const machineFields = { machineType: true, model: true, serialNumber: true, location: true, status: true } as const;


describe("machines CSV", () => {
  it("round trip: exporting, then importing into an empty database, gives the same machines", async () => {
    for (const separator of [";", ","] as const) {
      await empty.db.machine.deleteMany();
      const csv = await exportMachinesCsv(source.db, actors.operator, { separator, locale: "fr" });
      expect(csv.startsWith(BOM)).toBe(true);
      const check = await checkMachineImport(empty.db, emptyAdmin, csv);
      expect(check.problems).toEqual([]);
      expect(await empty.db.machine.count()).toBe(0); // the dry run wrote nothing
      expect(await importMachines(empty.db, emptyAdmin, csv)).toBe(12);
      const original = await source.db.machine.findMany({ select: machineFields, orderBy: { id: "asc" } });
      const imported = await empty.db.machine.findMany({ select: machineFields, orderBy: { id: "asc" } });
      expect(imported).toEqual(original);
      expect(imported.some((m) => m.status === "out_of_service")).toBe(true);
    }
  });

  it("an English export imports too, and French status labels are understood", async () => {
    await empty.db.machine.deleteMany();
    const csv = await exportMachinesCsv(source.db, actors.admin, { separator: ",", locale: "en" });
    expect(csv.split("\r\n")[0]).toBe(`${BOM}Type,Model,Serial number,Location,Status`);
    // Statuses as people say them, in the file's language, never the stored codes.
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error("the export does not parse");
    const statuses = new Set(parsed.records.slice(1).map((r) => parseCell(r.fields[4] ?? "")));
    expect(statuses).toContain("Out of service");
    for (const code of ["operational", "maintenance", "out_of_service"]) expect(statuses).not.toContain(code);
    expect((await checkMachineImport(empty.db, emptyAdmin, csv)).problems).toEqual([]);
    const labelled = "Type;Numéro de série;Statut\nPresse;P-1;Hors service\nTour;P-2;en maintenance\nScie;;\n";
    const check = await checkMachineImport(empty.db, emptyAdmin, labelled);
    expect(check.problems).toEqual([]);
    expect(check.machines.map((m) => m.status)).toEqual(["out_of_service", "maintenance", "operational"]);
  });

  it("a file that is not text (a photo, a workbook) is refused as such, before any line is read", async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    const file = { file: new File([jpeg], "machines.csv", { type: "text/csv" }) };
    const refused = await refusal(direct(machinesCsv.checkMachineImport)(empty.db, emptyAdmin, file));
    expect(refused.code).toBe("fileNotText");
    expect(await empty.db.machine.count()).toBe(0);
  });

  it("a file with bad lines is reported line by line and writes nothing, even when confirmed", async () => {
    await empty.db.machine.deleteMany();
    await empty.db.machine.create({ data: { machineType: "Existante", serialNumber: "EXIST-1" } });
    const auditBefore = await empty.db.auditLog.count();
    const csv = [
      "Type;Modèle;Numéro de série;Emplacement;Statut",
      "Presse;P250;OK-1;Atelier A;En service", // 2: fine
      ";Sans type;OK-2;;", // 3: type missing
      "Tour;;OK-1;;", // 4: serial repeated from line 2
      "Robot;;EXIST-1;;", // 5: serial already in the database
      "Four;;OK-3;;cassé", // 6: unknown status
      `"Convoyeur`, // 7: a quote that spans to the end is caught as a parse error
    ].join("\n");
    const unterminated = await checkMachineImport(empty.db, emptyAdmin, csv);
    expect(unterminated.problems).toEqual([{ line: 7, code: "unterminatedQuote" }]);

    const fixedQuote = csv.replace(`"Convoyeur`, `"Convoyeur ""B""";;OK-4;;`);
    const check = await checkMachineImport(empty.db, emptyAdmin, fixedQuote);
    expect(check.problems.map((p) => [p.line, p.code])).toEqual([
      [3, "required"],
      [4, "duplicateInFile"],
      [5, "duplicateExisting"],
      [6, "badStatus"],
    ]);
    expect(check.problems[1]).toMatchObject({ value: "OK-1", other: 2 });
    expect(check.machines.map((m) => [m.line, m.machineType])).toEqual([
      [2, "Presse"],
      [7, 'Convoyeur "B"'],
    ]);

    expect(await code(importMachines(empty.db, emptyAdmin, fixedQuote))).toBe("importInvalid");
    expect(await empty.db.machine.count()).toBe(1);
    expect(await empty.db.auditLog.count()).toBe(auditBefore);
  });

  it("refuses unknown or missing columns before reading any line", async () => {
    const check = await checkMachineImport(empty.db, emptyAdmin, "Modèle;Couleur\nHaas;rouge\n");
    expect(check.problems.map((p) => [p.code, p.column])).toEqual([
      ["unknownColumn", "Couleur"],
      ["missingColumn", "machineType"],
    ]);
    // An empty file is refused before any reading (fileMissing); the parser's own answer to no text:
    expect((await machinesCsv.checkMachineCsv(empty.db, "")).problems).toEqual([{ line: 1, code: "empty" }]);
  });

  it("a confirmed import is audited with its count", async () => {
    await empty.db.machine.deleteMany();
    expect(await importMachines(empty.db, emptyAdmin, "Type,Numéro de série\nA,S-1\nB,S-2\n")).toBe(2);
    const audit = await empty.db.auditLog.findFirstOrThrow({ where: { action: "machine.imported" }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit.after!)).toEqual({ count: 2, serialNumbers: ["S-1", "S-2"] });
  });

  for (const role of ["operator", "technician", "supervisor"] as const) {
    it(`a ${role} may export machines but neither check nor import a file`, async () => {
      expect(await exportMachinesCsv(source.db, actors[role], { separator: ";", locale: "fr" })).toContain("SCH-250-1187");
      const csv = "Type\nPresse\n";
      expect(await code(checkMachineImport(source.db, actors[role], csv))).toBe("forbidden");
      const count = await source.db.machine.count();
      expect(await code(importMachines(source.db, actors[role], csv))).toBe("forbidden");
      expect(await source.db.machine.count()).toBe(count);
    });
  }
});

describe("tickets CSV", () => {
  // With operators seeing every ticket; ticket-visibility.test.ts covers "their own reports".
  async function exportRows(actor: Actor, query: Record<string, string>) {
    const csv = await exportTicketsCsv(source.db, { ...actor, visibility: "all" }, parseBoardFilters(query), { separator: ";", locale: "fr", timeZone: "America/Toronto", now });
    const parsed = parseCsv(csv, ";");
    if (!parsed.ok) throw new Error("unparseable export");
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    return { header: header!, rows };
  }

  for (const role of roles) {
    it(`a ${role} exports every ticket that is not deleted, in French, dates in the factory's zone`, async () => {
      const total = await source.db.ticket.count({ where: { deletedAt: null } });
      const { header, rows } = await exportRows(actors[role], {});
      expect(header.slice(0, 5)).toEqual(["Numéro", "Titre", "Description", "Statut", "Priorité"]);
      expect(rows).toHaveLength(total);
      expect(rows.every((r) => r.length === header.length)).toBe(true);
      const one = await source.db.ticket.findFirstOrThrow({ where: { scheduledDate: { not: null } } });
      const row = rows.find((r) => r[0] === one.ticketId)!;
      const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "America/Toronto", dateStyle: "short", timeStyle: "short" }).format(one.scheduledDate!);
      expect(row[10]).toBe(local);
    });
  }

  it("applies the board's filters, combined", async () => {
    const high = await exportRows(actors.supervisor, { priority: "high" });
    expect(high.rows.length).toBe(await source.db.ticket.count({ where: { priority: "high", deletedAt: null } }));
    expect(new Set(high.rows.map((r) => r[4]))).toEqual(new Set(["Haute"]));

    const team = await exportRows(actors.supervisor, { assignee: "team" });
    expect(team.rows.length).toBe(await source.db.ticket.count({ where: { assignedTo: 0 } }));
    expect(new Set(team.rows.map((r) => r[8]))).toEqual(new Set(["Toute l’équipe"]));

    const overdue = await exportRows(actors.supervisor, { overdue: "1" });
    const expected = await source.db.ticket.count({
      where: { deletedAt: null, assignedTo: { not: null }, status: { in: ["received", "diagnostic"] }, scheduledDate: { lt: now } },
    });
    expect(expected).toBeGreaterThan(0);
    expect(overdue.rows).toHaveLength(expected);

    const machine = await source.db.machine.findFirstOrThrow({ where: { serialNumber: "SCH-250-1187" } });
    const byMachine = await exportRows(actors.supervisor, { machine: String(machine.id), q: "huile" });
    expect(byMachine.rows.length).toBe(
      await source.db.ticket.count({ where: { machineId: machine.id, title: { contains: "huile" }, deletedAt: null } }),
    );

    const mine = await exportRows(actors.technician, { mine: "1" });
    expect(mine.rows.length).toBe(
      await source.db.ticket.count({ where: { deletedAt: null, OR: [{ assignedTo: actors.technician.id }, { reportedBy: actors.technician.id }] } }),
    );
    expect(mine.rows.length).toBeGreaterThan(0);
  });

  it("leaves deleted tickets out and ignores malformed filters", async () => {
    const victim = await source.db.ticket.findFirstOrThrow();
    await source.db.ticket.update({ where: { id: victim.id }, data: { deletedAt: now } });
    const { rows } = await exportRows(actors.admin, { priority: "urgent!", machine: "abc" });
    expect(rows.map((r) => r[0])).not.toContain(victim.ticketId);
    expect(rows).toHaveLength(await source.db.ticket.count({ where: { deletedAt: null } }));
  });
});
