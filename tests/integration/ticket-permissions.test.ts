// Every cell of the permission table, exercised through the operations
// the server actions run (authorize + validate + write), as each role.
import { beforeAll, describe, expect, it } from "vitest";
import { addComment, deleteComment } from "@/lib/tickets/comments";
import { createMachine, deleteMachine, setMachineStatus, updateMachine } from "@/lib/machines/operations";
import { listMachines } from "@/lib/machines/queries";
import { addMedia, deleteMedia } from "@/lib/tickets/media";
import { perform } from "@/lib/operation";
import { loadBoard, parseBoardFilters } from "@/lib/tickets/board";
import { getTicketDetails } from "@/lib/tickets/queries";
import {
  assignTicket,
  createTicket,
  deleteTicket,
  editTicket,
  moveTicket,
  scheduleTicket,
  setTicketPriority,
  takeTicket,
} from "@/lib/tickets/operations";
import type { Role } from "@/lib/permissions";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
let cast: Cast;
let machineId: number;
const allowed = { operator: false, technician: true, supervisor: true, admin: true } as Record<Role, boolean>;
const leads = { operator: false, technician: false, supervisor: true, admin: true } as Record<Role, boolean>;
const adminOnly = { operator: false, technician: false, supervisor: false, admin: true } as Record<Role, boolean>;
const roleList: Role[] = ["operator", "technician", "supervisor", "admin"];
const FORBIDDEN = "Vous n’avez pas la permission de faire cette action.";
const jpeg = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(1)])], "photo.jpg", { type: "image/jpeg" });

beforeAll(async () => {
  cast = await createCast(t.db);
  machineId = (await createMachineRow(t.db)).id;
});

const as = (role: Role) => contextFor(t.db, cast[role], { media: t.media });

async function newTicket(role: Role = "operator", title = "Fuite d’huile") {
  const result = await perform(createTicket, { title, description: "", machineId, priority: "medium" }, as(role));
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

function expectRefused(result: { ok: boolean; error?: string }) {
  expect(result).toMatchObject({ ok: false, error: FORBIDDEN });
}

describe.each(roleList)("as %s", (role) => {
  it("views the board, a ticket and the machines", async () => {
    const ticket = await newTicket();
    const reader = { ...cast[role], visibility: "own" } as const;
    const board = await loadBoard(t.db, parseBoardFilters({}), reader, new Date());
    expect(board.columns[0]!.cards.some((c) => c.id === ticket.id)).toBe(true);
    expect((await getTicketDetails(t.db, ticket.ticketId, reader))?.ticket.id).toBe(ticket.id);
    expect((await listMachines(t.db, reader)).length).toBeGreaterThan(0);
  });

  it("creates a ticket, comments and adds media", async () => {
    const ticket = await newTicket(role);
    expect(await perform(addComment, { ticketId: ticket.id, content: "Vu." }, as(role))).toMatchObject({ ok: true });
    expect(await perform(addMedia, { ticketId: ticket.id, files: [jpeg()] }, as(role))).toMatchObject({ ok: true });
    expect(await t.db.ticketEvent.count({ where: { ticketId: ticket.id, actorId: cast[role].id } })).toBe(3);
  });

  it(`${allowed[role] ? "moves" : "may not move"} a ticket between columns`, async () => {
    const ticket = await newTicket();
    const result = await perform(moveTicket, { id: ticket.id, from: "received", to: "diagnostic" }, as(role));
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    if (allowed[role]) expect([result.ok, row.status]).toEqual([true, "diagnostic"]);
    else {
      expectRefused(result);
      expect(row.status).toBe("received");
    }
  });

  it(`${allowed[role] ? "takes" : "may not take"} a ticket`, async () => {
    const ticket = await newTicket();
    const result = await perform(takeTicket, { id: ticket.id }, as(role));
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    if (allowed[role]) expect(row.assignedTo).toBe(cast[role].id);
    else {
      expectRefused(result);
      expect(row.assignedTo).toBeNull();
    }
  });

  it(`${leads[role] ? "assigns to others, schedules and sets priority" : "may not assign to others, schedule or set priority"}`, async () => {
    const ticket = await newTicket();
    const results = [
      await perform(assignTicket, { id: ticket.id, assignee: String(cast.technician.id === cast[role].id ? cast.supervisor.id : cast.technician.id) }, as(role)),
      await perform(assignTicket, { id: ticket.id, assignee: "team" }, as(role)),
      await perform(scheduleTicket, { id: ticket.id, date: "2026-12-01", time: "08:30" }, as(role)),
      await perform(setTicketPriority, { id: ticket.id, priority: "critical" }, as(role)),
    ];
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    if (leads[role]) {
      expect(results.every((r) => r.ok)).toBe(true);
      expect(row).toMatchObject({ assignedTo: 0, priority: "critical", scheduledDate: new Date("2026-12-01T13:30:00Z") });
    } else {
      results.forEach(expectRefused);
      expect(row).toMatchObject({ assignedTo: null, priority: "medium", scheduledDate: null });
    }
  });

  it(`${allowed[role] ? "edits any ticket's text" : "edits only its own tickets' text, while received"}`, async () => {
    const others = await newTicket("admin", "Titre d’origine");
    const other = await perform(editTicket, { id: others.id, title: "Nouveau titre", description: "x" }, as(role));
    expect(other.ok).toBe(allowed[role]);
    if (!allowed[role]) {
      // An operator sees only their own reports by default: another's ticket is not found (ticket-visibility.test.ts).
      expect(other).toMatchObject({ ok: false, code: "notFound" });
      const own = await newTicket(role, "Mon titre");
      expect(await perform(editTicket, { id: own.id, title: "Mon titre corrigé", description: "" }, as(role))).toMatchObject({ ok: true });
      await t.db.ticket.update({ where: { id: own.id }, data: { status: "diagnostic" } });
      expectRefused(await perform(editTicket, { id: own.id, title: "Trop tard", description: "" }, as(role)));
      expect((await t.db.ticket.findUniqueOrThrow({ where: { id: own.id } })).title).toBe("Mon titre corrigé");
    }
  });

  it(`deletes its own comments and media${leads[role] ? " and others'" : ", not others'"}`, async () => {
    const ticket = await newTicket();
    const mine = await perform(addComment, { ticketId: ticket.id, content: "à moi" }, as(role));
    const author = role === "admin" ? "supervisor" : "admin";
    const theirs = await perform(addComment, { ticketId: ticket.id, content: "à quelqu’un d’autre" }, as(author));
    await perform(addMedia, { ticketId: ticket.id, files: [jpeg()] }, as(role));
    await perform(addMedia, { ticketId: ticket.id, files: [jpeg()] }, as(author));
    const media = await t.db.media.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" } });
    if (!mine.ok || !theirs.ok) throw new Error("comments not created");

    expect(await perform(deleteComment, { id: mine.data.id }, as(role))).toMatchObject({ ok: true });
    expect(await perform(deleteMedia, { id: media[0]!.id }, as(role))).toMatchObject({ ok: true });
    const others = [await perform(deleteComment, { id: theirs.data.id }, as(role)), await perform(deleteMedia, { id: media[1]!.id }, as(role))];
    if (leads[role]) expect(others.every((r) => r.ok)).toBe(true);
    else others.forEach(expectRefused);
    expect(await t.db.media.count({ where: { ticketId: ticket.id } })).toBe(leads[role] ? 0 : 1);
  });

  it(`${leads[role] ? "soft-deletes" : "may not delete"} a ticket`, async () => {
    const ticket = await newTicket();
    const result = await perform(deleteTicket, { id: ticket.id }, as(role));
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    if (leads[role]) expect(row.deletedAt).not.toBeNull();
    else {
      expectRefused(result);
      expect(row.deletedAt).toBeNull();
    }
  });

  it(`${adminOnly[role] ? "creates, edits and deletes" : "may not create, edit or delete"} machines`, async () => {
    const target = await createMachineRow(t.db, `Cible ${role}`);
    const results = [
      await perform(createMachine, { machineType: `Tour ${role}`, status: "operational" }, as(role)),
      await perform(updateMachine, { id: target.id, machineType: "Renommée", status: "maintenance" }, as(role)),
      await perform(setMachineStatus, { id: target.id, status: "out_of_service" }, as(role)),
      await perform(deleteMachine, { id: target.id }, as(role)),
    ];
    if (adminOnly[role]) {
      expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
      expect(await t.db.machine.count({ where: { id: target.id } })).toBe(0);
    } else {
      results.forEach(expectRefused);
      expect(await t.db.machine.findUnique({ where: { id: target.id } })).toMatchObject({ machineType: `Cible ${role}`, status: "operational" });
    }
  });
});

// The guest's column: every cell above refused, as something that does not exist
// (lib/operation.ts: what a guest may not use is a 404 to them), and nothing written.
describe("as guest", () => {
  it("creates, comments, moves, takes, assigns, schedules, edits, deletes nothing, and touches no machine: each refused as not found", async () => {
    const ticket = await newTicket();
    const comment = await perform(addComment, { ticketId: ticket.id, content: "d’un autre" }, as("admin"));
    await perform(addMedia, { ticketId: ticket.id, files: [jpeg()] }, as("admin"));
    const media = await t.db.media.findFirstOrThrow({ where: { ticketId: ticket.id } });
    const target = await createMachineRow(t.db, "Cible guest");
    if (!comment.ok) throw new Error("comment not created");
    const tables = async () => [await t.db.ticket.count(), await t.db.ticketEvent.count(), await t.db.ticketComment.count({ where: { deletedAt: null } }), await t.db.media.count(), await t.db.machine.count()];
    const before = await tables();
    const results = [
      await perform(createTicket, { title: "Fuite", description: "", machineId, priority: "medium" }, as("guest")),
      await perform(addComment, { ticketId: ticket.id, content: "Vu." }, as("guest")),
      await perform(addMedia, { ticketId: ticket.id, files: [jpeg()] }, as("guest")),
      await perform(moveTicket, { id: ticket.id, from: "received", to: "diagnostic" }, as("guest")),
      await perform(takeTicket, { id: ticket.id }, as("guest")),
      await perform(assignTicket, { id: ticket.id, assignee: "team" }, as("guest")),
      await perform(scheduleTicket, { id: ticket.id, date: "2026-12-01", time: "08:30" }, as("guest")),
      await perform(setTicketPriority, { id: ticket.id, priority: "critical" }, as("guest")),
      await perform(editTicket, { id: ticket.id, title: "Nouveau titre", description: "x" }, as("guest")),
      await perform(deleteComment, { id: comment.data.id }, as("guest")),
      await perform(deleteMedia, { id: media.id }, as("guest")),
      await perform(deleteTicket, { id: ticket.id }, as("guest")),
      await perform(createMachine, { machineType: "Tour guest", status: "operational" }, as("guest")),
      await perform(updateMachine, { id: target.id, machineType: "Renommée", status: "maintenance" }, as("guest")),
      await perform(setMachineStatus, { id: target.id, status: "out_of_service" }, as("guest")),
      await perform(deleteMachine, { id: target.id }, as("guest")),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, code: "notFound" });
    expect(await tables()).toEqual(before);
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "received", assignedTo: null, priority: "medium", deletedAt: null });
  });
});
