// The report form filled from one sentence (issue 23), on the real local D1 with
// the demo plant's machines: the read operation behind GET /tickets/read/sentence
// (lib/read-route.ts, whose door tests/integration/messages-read-routes.test.ts
// proves), as each role and in both languages.
import { beforeAll, describe, expect, it } from "vitest";
import { machines as demoMachines } from "../../prisma/seed.ts";
import { messagesFor } from "@/lib/i18n";
import { perform } from "@/lib/operation";
import { roles } from "@/lib/permissions";
import { MAX_SENTENCE } from "@/lib/tickets/model";
import { readSentenceReport } from "@/lib/tickets/sentence-report";
import { contextFor, createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
let cast: Cast;
/** The demo machines' ids in this database, by type. */
const idOf: Record<string, number> = {};

beforeAll(async () => {
  cast = await createCast(t.db, "sentence");
  for (const machine of demoMachines) idOf[machine.machineType] = (await t.db.machine.create({ data: machine, select: { id: true } })).id;
});

describe("what a sentence fills in the report form", () => {
  it.each(roles)("is read by %s: the machine, the priority, the title and the whole sentence", async (role) => {
    const result = await perform(readSentenceReport, { texte: "  Convoyeur ligne 2 arrêté, courroie cassée " }, contextFor(t.db, cast[role]));
    expect(result).toEqual({
      ok: true,
      data: {
        machineId: idOf["Convoyeur à bande"],
        candidates: [],
        priority: "high",
        title: "Convoyeur ligne 2 arrêté",
        description: "Convoyeur ligne 2 arrêté, courroie cassée",
      },
    });
  });

  it("names the machines that fit as well as each other, with their places, and chooses none", async () => {
    const result = await perform(readSentenceReport, { texte: "la presse fuit" }, contextFor(t.db, cast.operator));
    expect(result.ok && result.data).toMatchObject({
      machineId: null,
      candidates: [
        { id: idOf["Presse hydraulique"], label: "Presse hydraulique Schuler 250T", location: "Atelier A – poste 1" },
        { id: idOf["Presse à injection"], label: "Presse à injection Engel victory 200", location: "Plasturgie" },
      ],
      priority: "high",
    });
  });

  it("reads an English sentence in English: \"four\" is a number there", async () => {
    const english = { t: messagesFor("en"), locale: "en" as const };
    const result = await perform(readSentenceReport, { texte: "station four coolant leak, asap" }, contextFor(t.db, cast.technician, english));
    expect(result.ok && result.data).toMatchObject({ machineId: idOf["Tour CNC"], priority: "high", title: "Station four coolant leak" });
  });

  it("reads a sentence with a slip and a person who says it can wait", async () => {
    const result = await perform(readSentenceReport, { texte: "le compreseur fait un bruit, pas urgent" }, contextFor(t.db, cast.operator));
    expect(result.ok && result.data).toMatchObject({ machineId: idOf["Compresseur d’air"], priority: "low", title: "Le compreseur fait un bruit" });
  });

  it("refuses an empty sentence, and one too long for the address it travels in, in words", async () => {
    for (const texte of ["   ", `la presse fuit ${"x".repeat(MAX_SENTENCE)}`]) {
      const result = await perform(readSentenceReport, { texte }, contextFor(t.db, cast.operator));
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      expect(result.ok ? "" : result.error).not.toMatch(/string|too_small|too_big|zod/i);
    }
    expect(await perform(readSentenceReport, { texte: `la presse fuit ${"x".repeat(MAX_SENTENCE - 15)}` }, contextFor(t.db, cast.operator))).toMatchObject({ ok: true });
  });
});
