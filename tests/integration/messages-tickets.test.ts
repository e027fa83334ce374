// Tickets and messages meet, on the real local D1 and R2: ticket ids in messages
// resolved for a page of history in one query, a page read in a fixed number of
// queries whatever the history's size, and a message becoming a ticket report.
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { privateKey, TEAM } from "@/lib/messages/model";
import { deleteMessage, readHistory, readTicketRefs, sendMessage } from "@/lib/messages/operations";
import { findTicketRefs } from "@/lib/messages/queries";
import { createTicket } from "@/lib/tickets/operations";
import type { LiveEvent } from "@/lib/messages/live";
import { deleteTicket, ticketInsert } from "@/lib/tickets/operations";
import { writeBatch } from "@/lib/db/batch";
import { roles } from "@/lib/permissions";
import { createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { direct, directOffline, refusal } from "./helpers/refusal";

const t = freshDatabase();
let cast: Cast;
let machineId: number;

const send = directOffline(sendMessage);
const history = direct(readHistory);
const create = directOffline(createTicket);
const jpeg = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(7)])], "photo.jpg", { type: "image/jpeg" });

beforeAll(async () => {
  cast = await createCast(t.db, "mt");
  machineId = (await createMachineRow(t.db, "Presse 4")).id;
  await t.db.ticket.createMany({
    data: [
      { ticketId: "TKT-M001-20261123-004", title: "Fuite d’huile", machineId, status: "in_progress", reportedBy: cast.operator.id },
      { ticketId: "TKT-M001-20261123-005", title: "Bruit", machineId, status: "received", reportedBy: cast.operator.id },
      { ticketId: "TKT-M001-20261123-006", title: "Supprimé", machineId, status: "received", reportedBy: cast.operator.id, deletedAt: new Date() },
    ],
  });
});

/** The same database, counting the statements it prepares: what the worker would send to D1. */
function counting(): { db: Db; count: () => number } {
  let prepared = 0;
  const d1 = new Proxy(t.d1, {
    get(target, property) {
      if (property === "prepare") return (sql: string) => (prepared++, target.prepare(sql));
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: createDb(d1), count: () => prepared };
}

async function fillConversation(key: string, count: number, text: (i: number) => string) {
  const rows = Array.from({ length: count }, (_, i) => ({ conversationKey: key, senderId: cast.technician.id, content: text(i), createdAt: new Date() }));
  for (let i = 0; i < rows.length; i += 500) await t.db.message.createMany({ data: rows.slice(i, i + 500) });
}

describe("ticket ids in messages", () => {
  it("resolve to the ticket's title and status, leaving out deleted tickets and ids of none", async () => {
    const refs = await findTicketRefs(t.db, cast.operator, ["Voir TKT-M001-20261123-004 et TKT-M001-20261123-006", "TKT-M999-20261123-001 ? TKT-M001-20261123-005"]);
    expect(refs).toEqual({
      "TKT-M001-20261123-004": { title: "Fuite d’huile", status: "in_progress" },
      "TKT-M001-20261123-005": { title: "Bruit", status: "received" },
    });
  });

  it("name only tickets the reader may open: an operator seeing their own reports gets no title for a colleague's", async () => {
    const colleague = await t.db.ticket.create({
      data: { ticketId: "TKT-M001-20261123-007", title: "Signalé par un autre", machineId, status: "received", reportedBy: cast.technician.id },
    });
    const text = [`Voir ${colleague.ticketId} et TKT-M001-20261123-005`];
    // The default: operators see their own reports only (lib/permissions.ts).
    expect(Object.keys(await findTicketRefs(t.db, cast.operator, text))).toEqual(["TKT-M001-20261123-005"]);
    expect(Object.keys(await findTicketRefs(t.db, cast.technician, text)).sort()).toEqual(["TKT-M001-20261123-005", colleague.ticketId]);
    await t.db.ticket.delete({ where: { id: colleague.id } });
  });

  it("of a whole page of history are fetched in one query, whatever the number of messages naming them", async () => {
    const key = privateKey(cast.technician.id, cast.supervisor.id);
    await fillConversation(key, 120, (i) => (i % 2 ? `Message ${i} sur TKT-M001-20261123-00${4 + (i % 3)}` : `Message ${i}`));
    const small = counting();
    const page = await history(small.db, cast.supervisor, { conversation: key });
    expect(page.messages).toHaveLength(50);
    expect(Object.keys(page.tickets).sort()).toEqual(["TKT-M001-20261123-004", "TKT-M001-20261123-005"]);
    const withRefs = small.count();

    // Ten times the history, and a page further back: the same number of queries.
    await fillConversation(key, 1_200, (i) => `Encore ${i} : TKT-M001-20261123-004`);
    const large = counting();
    const latest = await history(large.db, cast.supervisor, { conversation: key });
    const earlier = await history(large.db, cast.supervisor, { conversation: key, before: latest.messages[0]!.id });
    expect(earlier.messages.at(-1)!.id).toBeLessThan(latest.messages[0]!.id);
    expect(large.count()).toBe(2 * withRefs);
  });

  it("named in a live message are looked up for a reader in one call", async () => {
    expect(await direct(readTicketRefs)(t.db, cast.technician, { ids: ["TKT-M001-20261123-005", "TKT-M001-20261123-006"] })).toEqual({
      "TKT-M001-20261123-005": { title: "Bruit", status: "received" },
    });
  });
});

describe("“Créer un ticket” from a message", () => {
  it("reports a ticket with copies of the message's photos and the message linked", async () => {
    const key = privateKey(cast.operator.id, cast.technician.id);
    const sent = await send(t.db, cast.operator, { clientId: crypto.randomUUID(), conversation: key, content: "La presse 4 fuit", photos: [jpeg()], audio: [] }, { media: t.media });
    const created = await create(t.db, cast.technician, { title: "La presse 4 fuit", description: "La presse 4 fuit", machineId, fromMessage: sent.id, photos: [] }, { media: t.media });

    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id }, select: { sourceMessageId: true, media: { select: { fileKey: true, fileType: true } } } });
    expect(ticket.sourceMessageId).toBe(sent.id);
    expect(ticket.media).toHaveLength(1);
    const [attachment] = await t.db.messageAttachment.findMany({ where: { messageId: sent.id } });
    // Its own object: deleting the message later leaves the ticket's photo in place.
    expect(ticket.media[0]!.fileKey).toMatch(/^tickets\//);
    expect(ticket.media[0]!.fileKey).not.toBe(attachment!.fileKey);
    await directOffline(deleteMessage)(t.db, cast.operator, { id: sent.id }, { media: t.media });
    const copy = await t.media.get(ticket.media[0]!.fileKey);
    expect(new Uint8Array(await copy!.arrayBuffer())).toEqual(new Uint8Array(await jpeg().arrayBuffer()));
    expect(await t.db.ticketEvent.count({ where: { ticketId: created.id, type: "media_added" } })).toBe(1);
  });

  it("is refused, writing nothing, from another pair's private message or a deleted one", async () => {
    const key = privateKey(cast.operator.id, cast.technician.id);
    const sent = await send(t.db, cast.operator, { clientId: crypto.randomUUID(), conversation: key, content: "Entre nous", photos: [jpeg()], audio: [] }, { media: t.media });
    const before = { tickets: await t.db.ticket.count(), objects: (await t.media.list({ prefix: "tickets/" })).objects.length };
    const input = { title: "Entre nous", machineId, fromMessage: sent.id, photos: [] };
    expect((await refusal(create(t.db, cast.supervisor, input, { media: t.media }))).code).toBe("notFound");
    await directOffline(deleteMessage)(t.db, cast.operator, { id: sent.id }, { media: t.media });
    expect((await refusal(create(t.db, cast.technician, input, { media: t.media }))).code).toBe("notFound");
    expect(await t.db.ticket.count()).toBe(before.tickets);
    expect((await t.media.list({ prefix: "tickets/" })).objects).toHaveLength(before.objects);
  });

  it("from a team message is open to every member", async () => {
    const sent = await send(t.db, cast.supervisor, { clientId: crypto.randomUUID(), conversation: TEAM, content: "Convoyeur 2 bloqué", photos: [], audio: [] }, { media: t.media });
    const created = await create(t.db, cast.operator, { title: "Convoyeur 2 bloqué", machineId, fromMessage: sent.id, photos: [] }, { media: t.media });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } })).sourceMessageId).toBe(sent.id);
  });
});

describe("a message becomes one ticket", () => {
  const teamMessage = (content: string) => send(t.db, cast.technician, { clientId: crypto.randomUUID(), conversation: TEAM, content, photos: [jpeg()], audio: [] }, { media: t.media });

  it("is refused a second time, as each role, with the first ticket's code, writing nothing; the message shows its ticket", async () => {
    const sent = await teamMessage("Le convoyeur 3 grince");
    const events: LiveEvent[] = [];
    const first = await create(t.db, cast.operator, { title: "Le convoyeur 3 grince", machineId, fromMessage: sent.id, photos: [] }, { media: t.media, publishLive: async (_key, event) => void events.push(event) });
    // Open boards hear of a new ticket; the conversation's open pages are told, so the message shows its ticket without a reload.
    expect(events).toEqual([{ type: "tickets" }, { type: "ticketed", conversationKey: TEAM, id: sent.id, ticketId: first.ticketId }]);
    const before = { tickets: await t.db.ticket.count(), objects: (await t.media.list({ prefix: "tickets/" })).objects.length };
    for (const role of roles) {
      const refused = await refusal(create(t.db, cast[role], { title: "Encore le convoyeur 3", machineId, fromMessage: sent.id, photos: [] }, { media: t.media }));
      expect(refused.code).toBe("messageAlreadyTicket");
      expect(refused.options.values).toEqual({ ticket: first.ticketId });
    }
    expect(await t.db.ticket.count()).toBe(before.tickets);
    expect((await t.media.list({ prefix: "tickets/" })).objects).toHaveLength(before.objects);
    const page = await history(t.db, cast.supervisor, { conversation: TEAM });
    expect(page.messages.find((m) => m.id === sent.id)?.ticketId).toBe(first.ticketId);
    // Its title and status come with the page, like a ticket id typed in a message.
    expect(page.tickets[first.ticketId]).toEqual({ title: "Le convoyeur 3 grince", status: "received" });
  });

  it("may become a ticket again once its ticket is deleted", async () => {
    const sent = await teamMessage("La presse 2 chauffe");
    const first = await create(t.db, cast.technician, { title: "La presse 2 chauffe", machineId, fromMessage: sent.id, photos: [] }, { media: t.media });
    await direct(deleteTicket)(t.db, cast.supervisor, { id: first.id });
    const again = await create(t.db, cast.technician, { title: "La presse 2 chauffe encore", machineId, fromMessage: sent.id, photos: [] }, { media: t.media });
    expect(again.ticketId).not.toBe(first.ticketId);
    expect((await history(t.db, cast.technician, { conversation: TEAM })).messages.find((m) => m.id === sent.id)?.ticketId).toBe(again.ticketId);
  });

  it("once, when two people report it at the same instant: the other is refused with the ticket's code and leaves no file", async () => {
    const sent = await teamMessage("Fuite sous la plieuse");
    const before = (await t.media.list({ prefix: "tickets/" })).objects.length;
    const report = (who: (typeof cast)["technician"]) => create(t.db, who, { title: "Fuite sous la plieuse", machineId, fromMessage: sent.id, photos: [] }, { media: t.media });
    const outcomes = await Promise.allSettled([report(cast.technician), report(cast.supervisor)]);
    const created = outcomes.filter((o) => o.status === "fulfilled");
    expect(created).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected")!.reason;
    expect(refused.code).toBe("messageAlreadyTicket");
    expect(refused.options.values).toEqual({ ticket: (created[0] as PromiseFulfilledResult<{ ticketId: string }>).value.ticketId });
    expect(await t.db.ticket.count({ where: { sourceMessageId: sent.id } })).toBe(1);
    // One copy of the message's photo: the refused report's copy was removed.
    expect((await t.media.list({ prefix: "tickets/" })).objects).toHaveLength(before + 1);
  });

  it("is guarded by the insert itself, behind the check: a second ticket from it fails the whole batch", async () => {
    const sent = await teamMessage("Le tour 1 vibre");
    await create(t.db, cast.technician, { title: "Le tour 1 vibre", machineId, fromMessage: sent.id, photos: [] }, { media: t.media });
    const insert = ticketInsert({ title: "Le tour 1 vibre", description: "", machineId, priority: "medium", reportedBy: cast.supervisor.id, sourceMessageId: sent.id, prefix: "TKT", day: "20261123", now: new Date() });
    await expect(writeBatch(t.db, [insert])).rejects.toThrow(/NOT NULL/);
    expect(await t.db.ticket.count({ where: { sourceMessageId: sent.id } })).toBe(1);
  });
});
