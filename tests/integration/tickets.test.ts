import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./helpers/local-d1";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { perform } from "@/lib/operation";
import { addMedia } from "@/lib/tickets/media";
import { addComment, editComment } from "@/lib/tickets/comments";
import { createTicket, deleteTicket, editTicket, moveTicket, scheduleTicket } from "@/lib/tickets/operations";
import { deleteMachine, setMachineStatus, createMachine } from "@/lib/machines/operations";
import { loadBoard, parseBoardFilters } from "@/lib/tickets/board";
import { getTicketDetails } from "@/lib/tickets/queries";
import type { Role } from "@/lib/permissions";

const t = freshDatabase();
let cast: Cast;
let machineId: number;

beforeAll(async () => {
  cast = await createCast(t.db);
  machineId = (await createMachineRow(t.db)).id;
});

const as = (role: Role) => contextFor(t.db, cast[role], { media: t.media });
function file(head: number[], name: string, size = head.length) {
  const bytes = new Uint8Array(size);
  bytes.set(head);
  return new File([bytes], name);
}
const jpegBytes = [0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

async function objectCount() {
  return (await t.media.list()).objects.length;
}

async function create(role: Role = "operator", extra: Record<string, unknown> = {}) {
  const result = await perform(createTicket, { title: "Bruit anormal", description: "Au démarrage", machineId, priority: "high", ...extra }, as(role));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe("ticket ids", () => {
  it("are never duplicated when many tickets are created at the same instant", async () => {
    const now = new Date("2026-11-23T15:00:00Z");
    const machine = await createMachineRow(t.db, "Concurrente");
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        perform(createTicket, { title: `Simultané ${i}`, machineId: machine.id }, { ...as("operator"), now }),
      ),
    );
    const ids = results.map((r) => (r.ok ? r.data.ticketId : r.error));
    expect(new Set(ids).size).toBe(25);
    const code = `M${String(machine.id).padStart(3, "0")}`;
    expect(ids.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `TKT-${code}-20261123-${String(i + 1).padStart(3, "0")}`));
  });

  it("use the settings' prefix and the factory's day", async () => {
    await t.db.setting.create({ data: { key: "ticketPrefix", value: JSON.stringify("USN") } });
    try {
      // 03:00 UTC on the 24th is the evening of the 23rd in Toronto.
      const result = await perform(createTicket, { title: "Soirée", machineId }, { ...as("operator"), now: new Date("2026-11-24T03:00:00Z") });
      expect(result.ok && result.data.ticketId).toMatch(/^USN-M\d{3}-20261123-001$/);
    } finally {
      await t.db.setting.delete({ where: { key: "ticketPrefix" } });
    }
  });
});

describe("creating a ticket with photos", () => {
  it("stores the photos in R2 with a row each, and records the creation", async () => {
    const before = await objectCount();
    const ticket = await create("operator", { photos: [file(jpegBytes, "fuite.jpg", 2048)] });
    const media = await t.db.media.findMany({ where: { ticketId: ticket.id } });
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({ fileName: "fuite.jpg", fileType: "image/jpeg", fileSize: 2048 });
    expect(await t.media.head(media[0]!.fileKey)).not.toBeNull();
    expect(await objectCount()).toBe(before + 1);
    const events = await t.db.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["created", "media_added"]);
  });

  it("refuses a disguised file with a clear message and leaves no ticket, row or object", async () => {
    const [tickets, rows, objects] = [await t.db.ticket.count(), await t.db.media.count(), await objectCount()];
    const result = await perform(
      createTicket,
      { title: "Avec un faux", machineId, photos: [file(jpegBytes, "ok.jpg", 100), file([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0, 0, 0, 0, 0, 0], "photo.jpg")] },
      as("operator"),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { photos: expect.stringContaining("« photo.jpg » n’est pas une photo") } });
    expect([await t.db.ticket.count(), await t.db.media.count(), await objectCount()]).toEqual([tickets, rows, objects]);
  });

  it("says a disguised photo from the camera on the camera's own field, and stores the good photo from the other picker only with it", async () => {
    const [tickets, objects] = [await t.db.ticket.count(), await objectCount()];
    const fake = file([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0, 0, 0, 0, 0, 0], "camera.jpg");
    const refused = await perform(createTicket, { title: "Photo prise", machineId, photos: [file(jpegBytes, "ok.jpg", 100)], camera: [fake] }, as("operator"));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { camera: expect.stringContaining("« camera.jpg » n’est pas une photo") } });
    expect(refused.ok || Object.keys(refused.fieldErrors ?? {})).toEqual(["camera"]);
    expect([await t.db.ticket.count(), await objectCount()]).toEqual([tickets, objects]);
    const taken = await create("operator", { camera: [file(jpegBytes, "prise.jpg", 512)], photos: [file(jpegBytes, "avant.jpg", 256)] });
    const media = await t.db.media.findMany({ where: { ticketId: taken.id }, orderBy: { id: "asc" } });
    expect(media.map((m) => m.fileName)).toEqual(["prise.jpg", "avant.jpg"]);
  });

  it("refuses an image over 10 MB and a video over 50 MB, storing nothing", async () => {
    const ticket = await create();
    const [rows, objects] = [await t.db.media.count(), await objectCount()];
    const big = await perform(addMedia, { ticketId: ticket.id, files: [file(jpegBytes, "grande.jpg", 10 * 1024 * 1024 + 1)] }, as("operator"));
    expect(big).toMatchObject({ ok: false, error: expect.stringContaining("trop volumineux") });
    const mp4 = [0, 0, 0, 32, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d];
    const video = await perform(addMedia, { ticketId: ticket.id, files: [file(mp4, "longue.mp4", 50 * 1024 * 1024 + 1)] }, as("operator"));
    expect(video.ok).toBe(false);
    expect([await t.db.media.count(), await objectCount()]).toEqual([rows, objects]);
    const ok = await perform(addMedia, { ticketId: ticket.id, files: [file(mp4, "courte.mp4", 4096)] }, as("operator"));
    expect(ok).toMatchObject({ ok: true, data: { count: 1 } });
  });
});

describe("moving tickets", () => {
  it("sets completed_at when completed and clears it when reopened", async () => {
    const ticket = await create();
    await perform(moveTicket, { id: ticket.id, from: "received", to: "completed" }, as("technician"));
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).completedAt).toBeInstanceOf(Date);
    await perform(moveTicket, { id: ticket.id, from: "completed", to: "in_progress" }, as("technician"));
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).completedAt).toBeNull();
    const events = await t.db.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "status" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.fromValue, e.toValue, e.actorId])).toEqual([
      ["received", "completed", cast.technician.id],
      ["completed", "in_progress", cast.technician.id],
    ]);
  });

  it("refuses a move from a column the ticket already left, without changing it", async () => {
    const ticket = await create();
    await perform(moveTicket, { id: ticket.id, from: "received", to: "diagnostic" }, as("supervisor"));
    const stale = await perform(moveTicket, { id: ticket.id, from: "received", to: "waiting_parts" }, as("technician"));
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining("déplacé ou modifié entre-temps") });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("diagnostic");
  });
});

describe("a ticket deleted or changed meanwhile", () => {
  it("gives a clear message to whoever acts on it", async () => {
    const ticket = await create();
    await perform(deleteTicket, { id: ticket.id }, as("supervisor"));
    for (const result of [
      await perform(moveTicket, { id: ticket.id, from: "received", to: "diagnostic" }, as("technician")),
      await perform(addComment, { ticketId: ticket.id, content: "Encore là ?" }, as("technician")),
      await perform(scheduleTicket, { id: ticket.id, date: "2026-12-01", time: "09:00" }, as("supervisor")),
    ]) {
      expect(result).toMatchObject({ ok: false, error: "Cet élément n’existe plus. Il a peut-être été supprimé." });
    }
    expect(await getTicketDetails(t.db, ticket.ticketId, { ...cast.admin, visibility: "all" })).toBeNull();
    const board = await loadBoard(t.db, parseBoardFilters({}), { ...cast.admin, visibility: "all" }, new Date());
    expect(board.columns.flatMap((c) => c.cards).some((c) => c.id === ticket.id)).toBe(false);
    expect(await t.db.ticket.findUnique({ where: { id: ticket.id } })).not.toBeNull();
  });

  it("refuses an edit made from an outdated page", async () => {
    const ticket = await create();
    const seen = (await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).updatedAt.toISOString();
    await new Promise((r) => setTimeout(r, 5));
    expect(await perform(editTicket, { id: ticket.id, title: "Premier", description: "", version: seen }, as("technician"))).toMatchObject({ ok: true });
    const late = await perform(editTicket, { id: ticket.id, title: "Second", description: "", version: seen }, as("supervisor"));
    expect(late).toMatchObject({ ok: false, error: expect.stringContaining("modifié entre-temps") });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).title).toBe("Premier");
  });
});

describe("validation", () => {
  it("answers per field, in the user's language", async () => {
    const fr = await perform(createTicket, { title: "", machineId: "abc", priority: "urgent" }, as("operator"));
    expect(fr).toMatchObject({ ok: false, error: "Certains champs sont invalides. Corrigez-les et réessayez." });
    expect(Object.keys((fr as { fieldErrors: object }).fieldErrors).sort()).toEqual(["machineId", "priority", "title"]);
    const en = await perform(createTicket, { title: "", machineId }, { ...as("operator"), locale: "en", t: (await import("@/lib/i18n")).messagesFor("en") });
    expect(en).toMatchObject({ ok: false, error: "Some fields are invalid. Correct them and try again." });
  });

  it("keeps HTML as plain text", async () => {
    const ticket = await create("operator", { title: "<script>alert(1)</script>" });
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.title).toBe("<script>alert(1)</script>");
  });

  it("lets only the author edit a comment", async () => {
    const ticket = await create();
    const comment = await perform(addComment, { ticketId: ticket.id, content: "Premier jet" }, as("operator"));
    if (!comment.ok) throw new Error(comment.error);
    expect((await perform(editComment, { id: comment.data.id, content: "Autre" }, as("admin"))).ok).toBe(false);
    expect((await perform(editComment, { id: comment.data.id, content: "Corrigé" }, as("operator"))).ok).toBe(true);
    expect((await t.db.ticketComment.findUniqueOrThrow({ where: { id: comment.data.id } })).userId).toBe(cast.operator.id);
  });
});

describe("machines", () => {
  it("cannot be deleted once they have tickets, and are marked out of service instead (audited)", async () => {
    const created = await perform(createMachine, { machineType: "Plieuse", serialNumber: "AMA-1" }, as("admin"));
    if (!created.ok) throw new Error(created.error);
    await create("operator", { machineId: created.data.id });
    const refused = await perform(deleteMachine, { id: created.data.id }, as("admin"));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining("Mettez-la plutôt hors service") });
    expect(await perform(setMachineStatus, { id: created.data.id, status: "out_of_service" }, as("admin"))).toMatchObject({ ok: true });
    const audit = await t.db.auditLog.findMany({ where: { entityType: "machine", entityId: String(created.data.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["machine.created", cast.admin.id],
      ["machine.status_changed", cast.admin.id],
    ]);
    const duplicate = await perform(createMachine, { machineType: "Autre", serialNumber: "AMA-1" }, as("admin"));
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { serialNumber: expect.any(String) } });
  });
});
