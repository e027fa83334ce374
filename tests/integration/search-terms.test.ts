import { beforeAll, describe, expect, it } from "vitest";
import { listUsers } from "@/lib/accounts/users";
import { listMachines } from "@/lib/machines/queries";
import { loadBoard, parseBoardFilters } from "@/lib/tickets/board";
import { exportTicketsCsv } from "@/lib/tickets/csv";
import { createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { createFixtures, createTicket } from "./helpers/tickets";

const LONG_TITLE = "Vibration anormale du moteur principal de la presse à découper, côté opérateur, après 2 h";
const t = freshDatabase();
let cast: Cast;

beforeAll(async () => {
  cast = await createCast(t.db);
  const fixtures = await createFixtures(t.db);
  await createTicket(t.db, fixtures, { title: "Fuite d'huile à 50% du débit" });
  await createTicket(t.db, fixtures, { title: "Courroie usée" });
  await createTicket(t.db, fixtures, { title: "Capteur_2 muet" });
  await createTicket(t.db, fixtures, { title: LONG_TITLE });
  await t.db.machine.create({ data: { machineType: "Convoyeur", model: "C_100", location: "Quai 50%" } });
  await t.db.machine.create({ data: { machineType: "Compresseur", model: "C-100", location: "Atelier B" } });
});

async function boardTitles(q: string) {
  const board = await loadBoard(t.db, parseBoardFilters({ q, archived: "1" }), { ...cast.admin, visibility: "own" }, new Date());
  return board.columns.flatMap((column) => column.cards.map((card) => card.title)).sort();
}

async function exportedLines(q: string) {
  const csv = await exportTicketsCsv(t.db, { ...cast.admin, visibility: "own" }, parseBoardFilters({ q }), {
    separator: ",",
    locale: "fr",
    timeZone: "America/Toronto",
    now: new Date(),
  });
  return csv.trim().split("\n").length - 1; // without the header
}

const longSearches = [
  ["300 characters", "x".repeat(300)],
  ["25 × é (50 bytes)", "é".repeat(25)],
  ["49 bytes", "a".repeat(49)],
  ["300 characters of wildcards", "%_".repeat(150)],
];

describe("a long search answers normally instead of D1's 'LIKE pattern too complex'", () => {
  it.each(longSearches)("on the board: %s", async (_name, q) => {
    expect(await boardTitles(q)).toEqual([]);
  });
  it.each(longSearches)("in the CSV export: %s", async (_name, q) => {
    expect(await exportedLines(q)).toBe(0);
  });
  it.each(longSearches)("in the user list: %s", async (_name, q) => {
    expect(await listUsers(t.db, cast.admin, { q })).toEqual([]);
  });
  it.each(longSearches)("in the machine list: %s", async (_name, q) => {
    expect(await listMachines(t.db, { ...cast.admin, visibility: "own" }, { search: q })).toEqual([]);
  });
  it("still finds a ticket by its whole long title (the search is cut to its start)", async () => {
    expect(await boardTitles(LONG_TITLE)).toEqual([LONG_TITLE]);
  });
});

describe("% and _ in a search are the characters themselves, not LIKE wildcards", () => {
  it("on the board", async () => {
    expect(await boardTitles("50%")).toEqual(["Fuite d'huile à 50% du débit"]);
    expect(await boardTitles("%")).toEqual(["Fuite d'huile à 50% du débit"]);
    expect(await boardTitles("r_2")).toEqual(["Capteur_2 muet"]);
    expect(await boardTitles("_")).toEqual(["Capteur_2 muet"]);
  });
  it("in the CSV export", async () => {
    expect(await exportedLines("%")).toBe(1);
  });
  it("in the user list", async () => {
    expect(await listUsers(t.db, cast.admin, { q: "%" })).toEqual([]);
    expect(await listUsers(t.db, cast.admin, { q: "_" })).toEqual([]);
  });
  it("in the machine list", async () => {
    expect((await listMachines(t.db, { ...cast.admin, visibility: "own" }, { search: "C_1" })).map((m) => m.model)).toEqual(["C_100"]);
    expect((await listMachines(t.db, { ...cast.admin, visibility: "own" }, { search: "50%" })).map((m) => m.model)).toEqual(["C_100"]);
  });
});
