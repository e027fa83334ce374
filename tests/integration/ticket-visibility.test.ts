// Who sees which ticket (issue 10, item 10): the plant's setting "operators see
// all tickets / their own reports", default their own, on every read of tickets
// and every operation an operator may run on one, as each role.
import { beforeAll, describe, expect, it } from "vitest";
import { listMachines, getMachine } from "@/lib/machines/queries";
import { perform } from "@/lib/operation";
import { canSeeTicket, roles, ticketVisibilities, type Role, type TicketReader, type TicketVisibility, type Who } from "@/lib/permissions";
import { getSettings, updateSettings } from "@/lib/settings/settings";
import { loadBoard, parseBoardFilters } from "@/lib/tickets/board";
import { addComment, deleteComment, editComment } from "@/lib/tickets/comments";
import { exportTicketsCsv } from "@/lib/tickets/csv";
import { addMedia, deleteMedia } from "@/lib/tickets/media";
import { visibleTicketsWhere } from "@/lib/tickets/model";
import { createTicket, editTicket } from "@/lib/tickets/operations";
import {
  countTicketsByColumn,
  getTicketDetails,
  listOverdueTickets,
  listUpcomingTickets,
  ticketReaderFor,
} from "@/lib/tickets/queries";
import { listOpenTicketsOnMachine, readOpenTicketsOnMachine } from "@/lib/tickets/open-on-machine";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
const receivedCount = (counts: { column: { key: string }; count: number }[]) => counts.find((c) => c.column.key === "received")?.count;
const now = new Date("2026-11-23T15:00:00Z");
let cast: Cast;
let otherOperator: Who & { name: string; email: string };
let machineId: number;
/** One ticket reported by each: the operator, another operator, the admin. */
const tickets = {} as Record<"own" | "otherOperator" | "admin", { id: number; ticketId: string }>;
const jpeg = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(1)])], "photo.jpg", { type: "image/jpeg" });

const as = (who: Cast[Role]) => contextFor(t.db, who, { media: t.media, now });

async function report(who: Cast[Role], title: string) {
  const result = await perform(createTicket, { title, description: "", machineId, priority: "medium" }, as(who));
  if (!result.ok) throw new Error(result.error);
  // Overdue (assigned, scheduled yesterday) for the dashboard's lists; a comment and a photo for the page.
  await t.db.ticket.update({ where: { id: result.data.id }, data: { assignedTo: cast.technician.id, scheduledDate: new Date("2026-11-22T13:00:00Z") } });
  await perform(addComment, { ticketId: result.data.id, content: `Commentaire de ${title}` }, as(who));
  await perform(addMedia, { ticketId: result.data.id, files: [jpeg()] }, as(who));
  return result.data;
}

async function setVisibility(visibility: TicketVisibility) {
  const current = await getSettings(t.db);
  const result = await perform(updateSettings, { ...current, operatorTicketVisibility: visibility }, as(cast.admin));
  expect(result.ok).toBe(true);
}

/** The reader as a page builds it: the person, and the setting as saved. */
async function readerFor(who: Who): Promise<TicketReader> {
  return { id: who.id, role: who.role, visibility: (await getSettings(t.db)).operatorTicketVisibility };
}

const ours = (ids: number[]) => Object.entries(tickets).filter(([, tk]) => ids.includes(tk.id)).map(([name]) => name).sort();

beforeAll(async () => {
  cast = await createCast(t.db, "vis");
  const other = await t.db.user.create({ data: { email: "autre.operateur@atelier.test", name: "Autre opérateur", role: "operator", passwordHash: "x" } });
  otherOperator = { id: other.id, role: "operator", name: other.name, email: other.email };
  machineId = (await createMachineRow(t.db, "Presse visibilité")).id;
  tickets.own = await report(cast.operator, "Mon signalement");
  tickets.otherOperator = await report(otherOperator as Cast[Role], "Signalement d’un collègue");
  tickets.admin = await report(cast.admin, "Signalement de l’admin");
});

describe("operator visibility", () => {
  it("is 'their own reports' on an install that never chose", async () => {
    expect(await t.db.setting.count({ where: { key: "operatorTicketVisibility" } })).toBe(0);
    expect((await getSettings(t.db)).operatorTicketVisibility).toBe("own");
  });

  it("by default, an operator reads only their own reports on the board, the page, the CSV and the dashboard", async () => {
    const reader = await readerFor(cast.operator);
    const board = await loadBoard(t.db, parseBoardFilters({ archived: "1" }), reader, now);
    expect(ours(board.columns.flatMap((c) => c.cards.map((card) => card.id)))).toEqual(["own"]);
    expect(await getTicketDetails(t.db, tickets.otherOperator.ticketId, reader)).toBeNull();
    const csv = await exportTicketsCsv(t.db, reader, parseBoardFilters({}), { separator: ";", locale: "fr", timeZone: "America/Toronto", now });
    expect(csv).toContain(tickets.own.ticketId);
    expect(csv).not.toContain(tickets.otherOperator.ticketId);
    expect(receivedCount(await countTicketsByColumn(t.db, reader))).toBe(1);
    expect(ours((await listOverdueTickets(t.db, { reader, now, take: 50 })).map((tk) => tk.id))).toEqual(["own"]);
  });

  for (const visibility of ticketVisibilities) {
    describe(`when operators see ${visibility === "all" ? "all tickets" : "their own reports"}`, () => {
      beforeAll(async () => setVisibility(visibility));

      for (const role of roles) {
        const limited = role === "operator" && visibility === "own";
        const expected = limited ? ["own"] : ["admin", "otherOperator", "own"];

        it(`the ${role} reads ${limited ? "only their own reports" : "every ticket"} in every list`, async () => {
          const reader = await readerFor(cast[role]);
          const board = await loadBoard(t.db, parseBoardFilters({ archived: "1" }), reader, now);
          expect(ours(board.columns.flatMap((c) => c.cards.map((card) => card.id)))).toEqual(expected);
          expect(board.columns.find((c) => c.status === "received")!.count).toBe(expected.length);
          // Searching does not reach past the rule.
          const searched = await loadBoard(t.db, parseBoardFilters({ q: "Signalement" }), reader, now);
          expect(ours(searched.columns.flatMap((c) => c.cards.map((card) => card.id)))).toEqual(expected);

          const csv = await exportTicketsCsv(t.db, reader, parseBoardFilters({}), { separator: ";", locale: "fr", timeZone: "America/Toronto", now });
          expect(ours(Object.values(tickets).filter((tk) => csv.includes(tk.ticketId)).map((tk) => tk.id))).toEqual(expected);

          expect(receivedCount(await countTicketsByColumn(t.db, reader))).toBe(expected.length);
          expect(ours((await listOverdueTickets(t.db, { reader, now, take: 50 })).map((tk) => tk.id))).toEqual(expected);
          const upcoming = await listUpcomingTickets(t.db, { reader, now: new Date("2026-11-01T00:00:00Z"), take: 50 });
          expect(ours(upcoming.map((tk) => tk.id))).toEqual(expected);

          const machine = (await listMachines(t.db, reader)).find((m) => m.id === machineId)!;
          expect(machine.openTickets).toBe(expected.length);
          expect(ours((await getMachine(t.db, machineId, reader))!.tickets.map((tk) => tk.id))).toEqual(expected);
        });

        it(`the ${role} opens ${limited ? "only their own reports (others: not found)" : "every ticket"}, its comments and photos`, async () => {
          const reader = await readerFor(cast[role]);
          for (const [name, ticket] of Object.entries(tickets)) {
            const details = await getTicketDetails(t.db, ticket.ticketId, reader);
            if (!expected.includes(name)) {
              expect(details).toBeNull();
              continue;
            }
            expect(details!.ticket.id).toBe(ticket.id);
            expect(details!.comments.length).toBeGreaterThan(0);
            expect(details!.media.length).toBeGreaterThan(0);
          }
        });

        it(`the ${role} ${limited ? "cannot comment on or add a photo to" : "comments on and adds a photo to"} another person's ticket`, async () => {
          const ticket = role === "operator" ? tickets.otherOperator : tickets.own;
          const results = [
            await perform(addComment, { ticketId: ticket.id, content: `Vu par ${role}` }, as(cast[role])),
            await perform(addMedia, { ticketId: ticket.id, files: [jpeg()] }, as(cast[role])),
          ];
          if (limited) for (const result of results) expect(result).toMatchObject({ ok: false, code: "notFound" });
          else expect(results.map((r) => r.ok)).toEqual([true, true]);
        });
      }

      it(`an operator editing a colleague's report is ${visibility === "own" ? "told it is not found, as for no ticket at all" : "refused: they may read it, not edit it"}`, async () => {
        const edit = (id: number) => perform(editTicket, { id, title: "Titre changé", description: "" }, as(cast.operator));
        const result = await edit(tickets.otherOperator.id);
        if (visibility === "own") expect(result).toEqual(await edit(999_999));
        else expect(result).toMatchObject({ ok: false, code: "forbidden" });
        expect((await t.db.ticket.findUniqueOrThrow({ where: { id: tickets.otherOperator.id } })).title).toBe("Signalement d’un collègue");
      });

      it(`an operator's own comment and photo on a ticket they ${visibility === "own" ? "no longer see are out of reach" : "see stay theirs"}`, async () => {
        // Written while operators saw everything; then the plant chooses.
        await setVisibility("all");
        const comment = await perform(addComment, { ticketId: tickets.admin.id, content: "Ajouté avant" }, as(cast.operator));
        await perform(addMedia, { ticketId: tickets.admin.id, files: [jpeg()] }, as(cast.operator));
        const media = await t.db.media.findFirstOrThrow({ where: { ticketId: tickets.admin.id, uploadedBy: cast.operator.id }, orderBy: { id: "desc" } });
        if (!comment.ok) throw new Error(comment.error);
        await setVisibility(visibility);
        const results = [
          await perform(editComment, { id: comment.data.id, content: "Modifié" }, as(cast.operator)),
          await perform(deleteMedia, { id: media.id }, as(cast.operator)),
          await perform(deleteComment, { id: comment.data.id }, as(cast.operator)),
        ];
        if (visibility === "own") for (const result of results) expect(result).toMatchObject({ ok: false, code: "notFound" });
        else expect(results.map((r) => r.ok)).toEqual([true, true, true]);
      });
    });
  }

  it("the rule's two forms agree: canSeeTicket and visibleTicketsWhere, for every role and setting", async () => {
    const rows = await t.db.ticket.findMany({ select: { id: true, reportedBy: true } });
    for (const visibility of ticketVisibilities)
      for (const who of [...roles.map((role) => cast[role]), otherOperator]) {
        const reader: TicketReader = { id: who.id, role: who.role, visibility };
        const fromDb = await t.db.ticket.findMany({ where: visibleTicketsWhere(reader), select: { id: true }, orderBy: { id: "asc" } });
        expect(fromDb.map((r) => r.id)).toEqual(rows.filter((r) => canSeeTicket(reader, r)).map((r) => r.id).sort((a, b) => a - b));
      }
  });

  it("the report form reads the chosen machine's open tickets with the reader's rights: an operator's own listed, the others counted, never titled", async () => {
    await setVisibility("own");
    const machine = await createMachineRow(t.db, "Tour à lister");
    const reportOn = async (who: Who & { name: string; email: string }, title: string) => {
      const result = await perform(createTicket, { title, description: "", machineId: machine.id, priority: "medium" }, as(who as Cast[Role]));
      if (!result.ok) throw new Error(result.error);
      return result.data;
    };
    const mine = await reportOn(cast.operator, "Mon bruit");
    const theirs = [await reportOn(otherOperator, "Bruit du collègue"), await reportOn(cast.admin, "Bruit de l’admin"), await reportOn(cast.admin, "Bruit réglé")];
    const gone = await reportOn(cast.admin, "Bruit supprimé");
    await t.db.ticket.update({ where: { id: theirs[2]!.id }, data: { status: "completed" } });
    await t.db.ticket.update({ where: { id: gone.id }, data: { deletedAt: now } });
    await t.db.ticket.update({ where: { id: theirs[1]!.id }, data: { status: "in_progress", createdAt: new Date("2026-11-20T10:00:00Z") } });

    const asOperator = await perform(readOpenTicketsOnMachine, { machine: String(machine.id) }, as(cast.operator));
    expect(asOperator).toEqual({
      ok: true,
      data: {
        tickets: [{ ticketId: mine.ticketId, title: "Mon bruit", status: "Requête reçue", href: `/tickets/${mine.ticketId}` }],
        more: null,
        others: "2 autres tickets ouverts sur cette machine, signalés par des collègues.",
      },
    });
    // What the operator may not open never leaves the server: no title, no id.
    for (const ticket of theirs) expect(JSON.stringify(asOperator)).not.toContain(ticket.ticketId);

    // A technician reads them all, newest first; past the cap they are counted.
    const technician = await ticketReaderFor(t.db, cast.technician);
    expect(await listOpenTicketsOnMachine(t.db, technician, machine.id, 2)).toEqual({
      tickets: [
        { ticketId: theirs[0]!.ticketId, title: "Bruit du collègue", status: "received" },
        { ticketId: mine.ticketId, title: "Mon bruit", status: "received" },
      ],
      more: 1,
      others: 0,
    });
    const asTechnician = await perform(readOpenTicketsOnMachine, { machine: String(machine.id) }, as(cast.technician));
    expect(asTechnician.ok && asTechnician.data.tickets.map((tk) => [tk.title, tk.status])).toEqual([
      ["Bruit du collègue", "Requête reçue"],
      ["Mon bruit", "Requête reçue"],
      ["Bruit de l’admin", "En cours"],
    ]);

    // With the plant's "every ticket", the operator reads them all too.
    await setVisibility("all");
    const opened = await perform(readOpenTicketsOnMachine, { machine: String(machine.id) }, as(cast.operator));
    expect(opened.ok && opened.data).toMatchObject({ others: null });
    expect(opened.ok && opened.data.tickets).toHaveLength(3);
    // Only the colleague's reports are counted when the operator alone has none listed.
    await setVisibility("own");
    const other = await perform(readOpenTicketsOnMachine, { machine: String(machine.id) }, as(otherOperator as Cast[Role]));
    expect(other.ok && other.data.others).toBe("2 autres tickets ouverts sur cette machine, signalés par des collègues.");
    const stranger = await t.db.user.create({ data: { email: "troisieme.operateur@atelier.test", name: "Troisième opérateur", role: "operator", passwordHash: "x" } });
    const none = await perform(readOpenTicketsOnMachine, { machine: String(machine.id) }, as({ id: stranger.id, role: "operator", name: stranger.name, email: stranger.email } as Cast[Role]));
    expect(none).toEqual({
      ok: true,
      data: { tickets: [], more: null, others: "3 tickets ouverts sur cette machine, signalés par des collègues : l’équipe est peut-être déjà au courant." },
    });
  });
});
