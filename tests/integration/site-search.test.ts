// Search everything (issue 13, item 2) on a real local D1: the FTS5 indexes of
// 0010_search_index.sql kept in step by their triggers through the app's own
// writes, accent- and case-insensitive matching, what each role may find, and
// a fixed number of D1 queries per search.
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { deleteMessage, sendMessage } from "@/lib/messages/operations";
import { privateKey } from "@/lib/messages/model";
import { canSeeTicket, roles, type Role, type TicketReader } from "@/lib/permissions";
import { parseSearch, type Segment } from "@/lib/site-search/model";
import { searchEverything } from "@/lib/site-search/queries";
import { addComment, deleteComment, editComment } from "@/lib/tickets/comments";
import { createTicket } from "@/lib/tickets/operations";
import { createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { direct } from "./helpers/refusal";

const t = freshDatabase();
const report = direct(createTicket);
const comment = direct(addComment);
const edit = direct(editComment);
const uncomment = direct(deleteComment);
const send = direct(sendMessage);
const unsend = direct(deleteMessage);

let cast: Cast;
let others: Cast;
let press: number;
let lathe: number;

const readerOf = (who: Cast[Role], visibility: TicketReader["visibility"] = "all"): TicketReader => ({ id: who.id, role: who.role, visibility });
const find = (reader: TicketReader, q: string) => searchEverything(t.db, reader, parseSearch(q));
const text = (segments: Segment[]) => segments.map((s) => s.text).join("");
const hits = (segments: Segment[]) => segments.filter((s) => s.hit).map((s) => s.text);

async function ticketIds(reader: TicketReader, q: string): Promise<string[]> {
  return (await find(reader, q)).tickets.items.map((item) => item.ticketId).sort();
}

async function newTicket(who: Cast[Role], title: string, description = "") {
  const created = await report(t.db, who, { title, description, machineId: press, priority: "medium", photos: [] });
  return t.db.ticket.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, ticketId: true, reportedBy: true } });
}

beforeAll(async () => {
  cast = await createCast(t.db, "search");
  others = await createCast(t.db, "autre");
  press = (await t.db.machine.create({ data: { machineType: "Presse hydraulique", model: "Schuler 250T", serialNumber: "SCH-250-0042", location: "Atelier A, ligne 2" } })).id;
  lathe = (await t.db.machine.create({ data: { machineType: "Tour CNC", model: "Haas ST-20", serialNumber: "HAAS-9", location: "Bâtiment B" } })).id;
});

describe("accents and capitals", () => {
  it("'presse' finds the Presse hydraulique, 'ecran' finds écran, and the other way round", async () => {
    const screen = await newTicket(cast.technician, "Écran tactile figé", "L’écran de la presse ne répond plus");
    const admin = readerOf(cast.admin);
    expect((await find(admin, "presse")).machines.items.map((m) => m.id)).toEqual([press]);
    expect(await ticketIds(admin, "ecran")).toContain(screen.ticketId);
    expect(await ticketIds(admin, "ÉCRAN")).toContain(screen.ticketId);
    expect(await ticketIds(admin, "Écrán Táctile")).toContain(screen.ticketId);
    expect((await find(admin, "BATIMENT")).machines.items.map((m) => m.id)).toEqual([lathe]);
  });

  it("matches the start of a word and needs every word", async () => {
    const admin = readerOf(cast.admin);
    expect((await find(admin, "hydrau")).machines.items.map((m) => m.id)).toEqual([press]);
    expect((await find(admin, "presse haas")).machines.items).toEqual([]);
    expect((await find(admin, "sch-250")).machines.items.map((m) => m.id)).toEqual([press]);
  });

  it("finds a ticket by its id", async () => {
    const ticket = await newTicket(cast.operator, "Bruit anormal");
    expect(await ticketIds(readerOf(cast.admin), ticket.ticketId)).toEqual([ticket.ticketId]);
  });
});

describe("highlighted words", () => {
  it("come back as flagged text segments, and markup in a title stays text", async () => {
    const ticket = await newTicket(cast.technician, "<img src=x onerror=alert(1)> Courroie usée", "");
    const [hit] = (await find(readerOf(cast.admin), "courroie usee")).tickets.items;
    expect(hit?.ticketId).toBe(ticket.ticketId);
    expect(text(hit!.title)).toBe("<img src=x onerror=alert(1)> Courroie usée");
    expect(hits(hit!.title)).toEqual(["Courroie", "usée"]);
    expect(hit!.passage).toBeNull();
  });

  it("show the description's or the comments' passage where the words are", async () => {
    const ticket = await newTicket(cast.technician, "Arrêt ligne 2", "Le capteur inductif ne détecte plus la pièce.");
    const described = (await find(readerOf(cast.admin), "inductif")).tickets.items.find((i) => i.ticketId === ticket.ticketId);
    expect(described?.passage?.source).toBe("description");
    expect(hits(described!.passage!.segments)).toEqual(["inductif"]);
    await comment(t.db, cast.technician, { ticketId: ticket.id, content: "Remplacé le fusible F3 du variateur" });
    const commented = (await find(readerOf(cast.admin), "variateur")).tickets.items.find((i) => i.ticketId === ticket.ticketId);
    expect(commented?.passage?.source).toBe("comments");
    expect(hits(commented!.passage!.segments)).toEqual(["variateur"]);
  });
});

describe("the index follows every write (triggers)", () => {
  it("a ticket's new title and description replace the old words; a ticket removed is gone", async () => {
    const ticket = await newTicket(cast.technician, "Vérin qui fuit", "huile hydraulique");
    const admin = readerOf(cast.admin);
    await t.db.ticket.update({ where: { id: ticket.id }, data: { title: "Joint remplacé", description: "graisse" } });
    expect(await ticketIds(admin, "verin")).not.toContain(ticket.ticketId);
    expect(await ticketIds(admin, "joint")).toContain(ticket.ticketId);
    expect(await ticketIds(admin, "graisse")).toContain(ticket.ticketId);
    // Deleted tickets (deleted_at) are never shown, and a row removed leaves no entry behind.
    await t.db.ticket.update({ where: { id: ticket.id }, data: { deletedAt: new Date() } });
    expect(await ticketIds(admin, "joint")).not.toContain(ticket.ticketId);
    await t.db.ticketEvent.deleteMany({ where: { ticketId: ticket.id } });
    await t.db.ticket.delete({ where: { id: ticket.id } });
    const { results } = await t.d1.prepare("SELECT rowid FROM tickets_fts WHERE rowid = ?").bind(ticket.id).all();
    expect(results).toEqual([]);
  });

  it("comments written, edited, deleted and removed", async () => {
    const ticket = await newTicket(cast.technician, "Convoyeur bloqué");
    const admin = readerOf(cast.admin);
    const written = await comment(t.db, cast.technician, { ticketId: ticket.id, content: "Roulement grippé côté moteur" });
    const commentId = written.id;
    expect(await ticketIds(admin, "grippe")).toContain(ticket.ticketId);
    await edit(t.db, cast.technician, { id: commentId, content: "Roulement changé" });
    expect(await ticketIds(admin, "grippe")).not.toContain(ticket.ticketId);
    expect(await ticketIds(admin, "change")).toContain(ticket.ticketId);
    await uncomment(t.db, cast.technician, { id: commentId });
    expect(await ticketIds(admin, "roulement")).not.toContain(ticket.ticketId);
    const second = await t.db.ticketComment.create({ data: { ticketId: ticket.id, userId: cast.technician.id, content: "Tension de chaîne" } });
    expect(await ticketIds(admin, "chaine")).toContain(ticket.ticketId);
    await t.db.ticketComment.delete({ where: { id: second.id } });
    expect(await ticketIds(admin, "chaine")).not.toContain(ticket.ticketId);
  });

  it("machines updated and deleted, people renamed", async () => {
    const admin = readerOf(cast.admin);
    const machine = await t.db.machine.create({ data: { machineType: "Compresseur", location: "Sous-sol" } });
    expect((await find(admin, "compresseur")).machines.items.map((m) => m.id)).toEqual([machine.id]);
    await t.db.machine.update({ where: { id: machine.id }, data: { location: "Toit", serialNumber: "ATLAS-77" } });
    expect((await find(admin, "sous sol")).machines.items).toEqual([]);
    expect((await find(admin, "atlas toit")).machines.items.map((m) => m.id)).toEqual([machine.id]);
    await t.db.machine.delete({ where: { id: machine.id } });
    expect((await find(admin, "compresseur")).machines.items).toEqual([]);

    await t.db.user.update({ where: { id: others.supervisor.id }, data: { name: "Geneviève Lévesque" } });
    expect((await find(admin, "genevieve levesque")).people.items.map((p) => p.id)).toEqual([others.supervisor.id]);
  });
});

describe("what each role finds", () => {
  it("tickets: exactly those canSeeTicket lets the reader open, under both operator settings", async () => {
    const mine = await newTicket(cast.operator, "Fuite pneumatique poste 1");
    const theirs = await newTicket(others.operator, "Fuite pneumatique poste 2");
    const team = await newTicket(cast.technician, "Fuite pneumatique poste 3");
    const all = [mine, theirs, team];
    for (const role of roles) {
      for (const visibility of ["all", "own"] as const) {
        const reader = readerOf(cast[role], visibility);
        const expected = all.filter((ticket) => canSeeTicket(reader, ticket)).map((ticket) => ticket.ticketId).sort();
        expect(await ticketIds(reader, "pneumatique"), `${role}, operators see ${visibility}`).toEqual(expected);
      }
    }
    expect(await ticketIds(readerOf(cast.operator, "own"), "pneumatique")).toEqual([mine.ticketId]);
  });

  it("people: active supervisors and admins only", async () => {
    await t.db.user.update({ where: { id: others.admin.id }, data: { active: false } });
    for (const role of roles) {
      const found = (await find(readerOf(cast[role]), "search")).people.items.map((p) => p.id).sort((a, b) => a - b);
      expect(found, role).toEqual([cast.supervisor.id, cast.admin.id].sort((a, b) => a - b));
    }
    expect((await find(readerOf(cast.admin), "autre")).people.items.map((p) => p.id)).toEqual([]);
  });

  it("messages: the team channel for everyone, a private conversation for its two people only", async () => {
    const message = (conversation: string, content: string) => ({ clientId: crypto.randomUUID(), conversation, content, photos: [], audio: [] });
    await send(t.db, cast.technician, message("team", "Pause café à la cafétéria"), { media: t.media });
    const pair = privateKey(cast.technician.id, cast.operator.id);
    const secret = await send(t.db, cast.technician, message(pair, "Cafétéria fermée demain"), { media: t.media });
    for (const role of roles) {
      const found = (await find(readerOf(cast[role]), "cafeteria")).messages.items;
      const expected = role === "technician" || role === "operator" ? 2 : 1;
      expect(found, role).toHaveLength(expected);
    }
    const operatorView = (await find(readerOf(cast.operator), "fermee")).messages.items;
    expect(operatorView.map((m) => [m.conversationKey, m.otherName])).toEqual([[pair, cast.technician.name]]);
    expect((await find(readerOf(others.operator), "fermee")).messages.items).toEqual([]);
    // A deleted message's text is cleared: nobody finds it any more.
    await unsend(t.db, cast.technician, { id: secret.id }, { media: t.media });
    expect((await find(readerOf(cast.operator), "fermee")).messages.items).toEqual([]);
  });
});

describe("cost and limits", () => {
  it("four D1 queries per search, however many results; none for an empty one", async () => {
    let prepared = 0;
    const counting = new Proxy(t.d1, {
      get(target, property) {
        if (property === "prepare") return (query: string) => (prepared++, target.prepare(query));
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const db = createDb(counting);
    const admin = readerOf(cast.admin);
    for (let i = 0; i < 30; i++) await t.db.ticket.create({ data: { ticketId: `TKT-BULK-${i}`, title: `Lubrification ${i}`, machineId: press, reportedBy: cast.operator.id } });
    const counts: number[] = [];
    for (const q of ["lubrification", "lubrification 7", "introuvable", "presse"]) {
      prepared = 0;
      await searchEverything(db, admin, parseSearch(q));
      counts.push(prepared);
    }
    expect(counts).toEqual([4, 4, 4, 4]);
    const many = await searchEverything(db, admin, parseSearch("lubrification"));
    expect(many.tickets.items).toHaveLength(20);
    expect(many.tickets.more).toBe(true);
    prepared = 0;
    await searchEverything(db, admin, parseSearch("  ?! "));
    expect(prepared).toBe(0);
  });

  it("a 300-character search is cut, not refused", async () => {
    const long = `presse ${"x".repeat(293)}`;
    const search = parseSearch(long);
    expect(search.cut).toBe(true);
    const results = await searchEverything(t.db, readerOf(cast.admin), search);
    expect(results.machines.items).toEqual([]);
    expect((await searchEverything(t.db, readerOf(cast.admin), parseSearch(`presse ${" ".repeat(293)}`))).machines.items).toHaveLength(1);
  });
});
