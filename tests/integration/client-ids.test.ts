// The outbox (components/offline/, public/sw.js) sends an action again until an
// answer arrives, so the same report, comment or status change can reach the
// server twice, one after the other or at the same instant. Each carries the
// device's id for it; its timeline event's unique client_id writes it once
// (lib/tickets/replay.ts); photos and a voice note added to a ticket carry it on
// their first event. Messages have their own (messages.test.ts, "a retried send").
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./helpers/local-d1";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { perform, type ActionResult } from "@/lib/operation";
import { addComment } from "@/lib/tickets/comments";
import { addMedia, addVoiceNote } from "@/lib/tickets/media";
import { createTicket, finishTicket, moveTicket } from "@/lib/tickets/operations";
import type { Role } from "@/lib/permissions";

const t = freshDatabase();
let cast: Cast;
let machineId: number;

beforeAll(async () => {
  cast = await createCast(t.db, "replay");
  machineId = (await createMachineRow(t.db, "Rejouée")).id;
});

const as = (role: Role, now?: Date) => contextFor(t.db, cast[role], { media: t.media, dispatchNotifications: async () => {}, ...(now ? { now } : {}) });
const jpeg = () => {
  const bytes = new Uint8Array(64);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return new File([bytes], "fuite.jpg");
};
const objectCount = async () => (await t.media.list()).objects.length;
const count = async (sql: string, ...values: unknown[]) => Number((await t.d1.prepare(sql).bind(...values).first<{ n: number }>())!.n);

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function report(role: Role = "operator") {
  return ok(await perform(createTicket, { title: "Fuite sous la presse", machineId }, as(role)));
}

describe("a report sent twice", () => {
  it("one after the other is one ticket with its photo, and the second answer is the first one's", async () => {
    const clientId = crypto.randomUUID();
    const input = { title: "Convoyeur bloqué", machineId, photos: [jpeg()], clientId };
    const objects = await objectCount();
    const first = ok(await perform(createTicket, input, as("operator")));
    const second = ok(await perform(createTicket, { ...input, photos: [jpeg()] }, as("operator")));
    expect(second).toEqual(first);
    expect(await count("SELECT COUNT(*) AS n FROM tickets WHERE title = 'Convoyeur bloqué'")).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM media WHERE ticket_id = ?", first.id)).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ?", first.id)).toBe(2); // created, media_added
    // The second copy's photo went to R2 before the batch was refused, and was removed after.
    expect(await objectCount()).toBe(objects + 1);
  });

  it("at the same instant is one ticket", async () => {
    const clientId = crypto.randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => perform(createTicket, { title: "Presse 4 à l’arrêt", machineId, photos: [jpeg()], clientId }, as("technician"))),
    );
    const data = results.map(ok);
    expect(new Set(data.map((d) => d.ticketId)).size).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM tickets WHERE title = 'Presse 4 à l’arrêt'")).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM media WHERE ticket_id = ?", data[0]!.id)).toBe(1);
  });

  it("by someone else with the same id is refused, and writes nothing", async () => {
    const clientId = crypto.randomUUID();
    await perform(createTicket, { title: "Le mien", machineId, clientId }, as("operator"));
    const objects = await objectCount();
    const other = await perform(createTicket, { title: "Le sien", machineId, clientId, photos: [jpeg()] }, as("technician"));
    expect(other).toMatchObject({ ok: false, code: "conflict" });
    expect(await count("SELECT COUNT(*) AS n FROM tickets WHERE title = 'Le sien'")).toBe(0);
    expect(await objectCount()).toBe(objects);
  });
});

describe("a comment sent twice", () => {
  it("one after the other, or at the same instant, is one comment", async () => {
    const { id } = await report();
    const input = { ticketId: id, content: "Joint changé", clientId: crypto.randomUUID() };
    const first = ok(await perform(addComment, input, as("technician")));
    expect(ok(await perform(addComment, input, as("technician")))).toEqual(first);
    const together = { ticketId: id, content: "Pièce commandée", clientId: crypto.randomUUID() };
    const results = (await Promise.all([1, 2, 3].map(() => perform(addComment, together, as("technician"))))).map(ok);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM ticket_comments WHERE ticket_id = ?", id)).toBe(2);
    expect(await count("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'comment'", id)).toBe(2);
  });

  it("with an id already used for another kind of action or another ticket is refused", async () => {
    const a = await report();
    const b = await report();
    const clientId = crypto.randomUUID();
    ok(await perform(addComment, { ticketId: a.id, content: "Sur A", clientId }, as("technician")));
    expect(await perform(addComment, { ticketId: b.id, content: "Sur B", clientId }, as("technician"))).toMatchObject({ ok: false, code: "conflict" });
    expect(await perform(moveTicket, { id: a.id, from: "received", to: "diagnostic", clientId }, as("technician"))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await count("SELECT COUNT(*) AS n FROM ticket_comments WHERE ticket_id = ?", b.id)).toBe(0);
  });
});

describe("a status change sent twice", () => {
  const statusEvents = (id: number) => count("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'status'", id);

  it("one after the other is one move, and the second answer is the first one's", async () => {
    const { id } = await report();
    const input = { id, from: "received", to: "in_progress", clientId: crypto.randomUUID() };
    expect(ok(await perform(moveTicket, input, as("technician")))).toMatchObject({ id, status: "in_progress" });
    expect(ok(await perform(moveTicket, input, as("technician")))).toMatchObject({ id, status: "in_progress" });
    expect(await statusEvents(id)).toBe(1);
  });

  it("at the same instant is one move", async () => {
    const { id } = await report();
    const input = { id, from: "received", to: "diagnostic", clientId: crypto.randomUUID() };
    const results = await Promise.all([1, 2, 3, 4].map(() => perform(moveTicket, input, as("technician"))));
    expect(results.map(ok)).toMatchObject(Array(4).fill({ id, status: "diagnostic" }));
    expect(await statusEvents(id)).toBe(1);
  });

  it("is written once even when the ticket came back to where it was meanwhile", async () => {
    const { id } = await report();
    const input = { id, from: "received", to: "diagnostic", clientId: crypto.randomUUID() };
    ok(await perform(moveTicket, input, as("technician")));
    ok(await perform(moveTicket, { id, from: "diagnostic", to: "received" }, as("supervisor")));
    expect(ok(await perform(moveTicket, input, as("technician")))).toMatchObject({ id, status: "diagnostic" });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe("received");
    expect(await statusEvents(id)).toBe(2);
  });

  it("that finds the ticket moved by someone else says where it is, who moved it and when, and writes nothing", async () => {
    const { id } = await report();
    const supervisorMove = new Date("2026-12-07T15:41:00Z"); // 10:41 in Toronto, the factory's default zone
    ok(await perform(moveTicket, { id, from: "received", to: "in_progress" }, as("supervisor", supervisorMove)));
    const sameDay = await perform(moveTicket, { id, from: "received", to: "completed", clientId: crypto.randomUUID() }, as("technician", new Date("2026-12-07T18:00:00Z")));
    expect(sameDay).toMatchObject({ ok: false, code: "movedMeanwhileBy" });
    expect(!sameDay.ok && sameDay.error).toMatch(
      new RegExp(`^Ce ticket est déjà «\u00a0En cours\u00a0» \\(déplacé par ${cast.supervisor.name} à 10\\sh\\s41\\)\u00a0: votre changement n’a pas été appliqué\\.$`),
    );
    const nextDay = await perform(moveTicket, { id, from: "received", to: "completed", clientId: crypto.randomUUID() }, as("technician", new Date("2026-12-08T14:00:00Z")));
    expect(nextDay).toMatchObject({ ok: false, code: "movedMeanwhileByOn" });
    expect(!nextDay.ok && nextDay.error).toContain(`déplacé par ${cast.supervisor.name} le 7 déc. 2026`);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe("in_progress");
    expect(await statusEvents(id)).toBe(1);
  });

  it("that finds the ticket where the person's own last move put it is that move arriving again", async () => {
    const { id } = await report();
    // The board's first try carried no id and its answer was lost; the outbox sends it again with one.
    ok(await perform(moveTicket, { id, from: "received", to: "diagnostic" }, as("technician")));
    expect(ok(await perform(moveTicket, { id, from: "received", to: "diagnostic", clientId: crypto.randomUUID() }, as("technician")))).toMatchObject({
      id,
      status: "diagnostic",
    });
    expect(await statusEvents(id)).toBe(1);
  });

  it("without a client id is refused as before", async () => {
    const { id } = await report();
    ok(await perform(moveTicket, { id, from: "received", to: "diagnostic" }, as("supervisor")));
    expect(await perform(moveTicket, { id, from: "received", to: "completed" }, as("technician"))).toMatchObject({ ok: false, code: "movedMeanwhile" });
  });
});

describe("a finish from the home sent twice", () => {
  it("one after the other, or at the same instant, finishes once with one comment and one photo", async () => {
    for (const together of [false, true]) {
      const { id } = await report();
      ok(await perform(moveTicket, { id, from: "received", to: "in_progress" }, as("technician")));
      const input = () => ({ id, from: "in_progress", comment: "Roulement changé", photos: [jpeg()], clientId });
      const clientId = crypto.randomUUID();
      const results = together
        ? await Promise.all([1, 2, 3].map(() => perform(finishTicket, input(), as("technician"))))
        : [await perform(finishTicket, input(), as("technician")), await perform(finishTicket, input(), as("technician"))];
      expect(results.map(ok)).toEqual(results.map(() => ({ id, status: "completed", from: "in_progress" })));
      expect(await count("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'status' AND to_value = 'completed'", id)).toBe(1);
      expect(await count("SELECT COUNT(*) AS n FROM ticket_comments WHERE ticket_id = ?", id)).toBe(1);
      expect(await count("SELECT COUNT(*) AS n FROM media WHERE ticket_id = ?", id)).toBe(1);
    }
  });
});

describe("with a client id, each role may do exactly what it could before", () => {
  it("reports, comments and moves as the permission table says", async () => {
    const results: Record<string, string> = {};
    for (const role of ["admin", "supervisor", "technician", "operator"] as const) {
      const created = await perform(createTicket, { title: `Par ${role}`, machineId, clientId: crypto.randomUUID() }, as(role));
      const ticket = created.ok ? created.data : await report();
      const commented = await perform(addComment, { ticketId: ticket.id, content: "Vu", clientId: crypto.randomUUID() }, as(role));
      const moved = await perform(moveTicket, { id: ticket.id, from: "received", to: "diagnostic", clientId: crypto.randomUUID() }, as(role));
      const word = (r: ActionResult<unknown>) => (r.ok ? "ok" : r.code!);
      results[role] = [created, commented, moved].map(word).join(" ");
    }
    expect(results).toEqual({
      admin: "ok ok ok",
      supervisor: "ok ok ok",
      technician: "ok ok ok",
      operator: "ok ok forbidden",
    });
  });

  it("a client id that is not a UUID is refused as invalid", async () => {
    const { id } = await report();
    expect(await perform(addComment, { ticketId: id, content: "Vu", clientId: "1234" }, as("technician"))).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("a ticket's photos or voice note sent twice", () => {
  const webm = () => new File([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(60).fill(2)])], "note.webm", { type: "audio/webm" });

  it("photos, one after the other or at the same instant, are written once, and the copies' files are removed", async () => {
    const { id } = await report();
    const clientId = crypto.randomUUID();
    const objects = await objectCount();
    const send = () => perform(addMedia, { ticketId: id, files: [jpeg(), jpeg()], clientId }, as("technician"));
    expect(ok(await send())).toEqual({ count: 2 });
    const again = await Promise.all([send(), send(), send()]);
    expect(again.map(ok)).toEqual([{ count: 2 }, { count: 2 }, { count: 2 }]);
    expect(await count("SELECT COUNT(*) AS n FROM media WHERE ticket_id = ?", id)).toBe(2);
    expect(await count("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'media_added'", id)).toBe(2);
    expect(await objectCount()).toBe(objects + 2);
  });

  it("a voice note is written once", async () => {
    const { id } = await report();
    const clientId = crypto.randomUUID();
    const send = () => perform(addVoiceNote, { ticketId: id, audio: [webm()], audioDuration: 4, clientId }, as("technician"));
    ok(await send());
    ok(await send());
    expect(await count("SELECT COUNT(*) AS n FROM media WHERE ticket_id = ? AND file_type LIKE 'audio/%'", id)).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'voice_note_added'", id)).toBe(1);
  });

  it("the same id on another kind of action, or from someone else, is refused and writes nothing", async () => {
    const { id } = await report();
    const clientId = crypto.randomUUID();
    ok(await perform(addComment, { ticketId: id, content: "Vu", clientId }, as("technician")));
    expect(await perform(addMedia, { ticketId: id, files: [jpeg()], clientId }, as("technician"))).toMatchObject({ ok: false, code: "conflict" });
    const photos = crypto.randomUUID();
    ok(await perform(addMedia, { ticketId: id, files: [jpeg()], clientId: photos }, as("technician")));
    expect(await perform(addMedia, { ticketId: id, files: [jpeg()], clientId: photos }, as("supervisor"))).toMatchObject({ ok: false, code: "conflict" });
    expect(await count("SELECT COUNT(*) AS n FROM media WHERE ticket_id = ?", id)).toBe(1);
  });
});
