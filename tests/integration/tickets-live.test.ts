// Open boards follow ticket changes: each operation that changes what a board
// shows publishes one bare "tickets" event after D1 has the change (the board
// then renders again with its reader's rights); a refused one publishes nothing,
// and a publish that fails never fails the change.
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./helpers/local-d1";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { perform, type Operation } from "@/lib/operation";
import type { Role } from "@/lib/permissions";
import type { LiveEvent } from "@/lib/messages/live";
import { TEAM } from "@/lib/messages/model";
import { goOnAssignment } from "@/lib/notifications/operations";
import { assignTicket, createTicket, deleteTicket, editTicket, finishTicket, moveTicket, scheduleTicket, setTicketPriority, takeTicket } from "@/lib/tickets/operations";
import { clearMachineDown, markMachineDown } from "@/lib/tickets/downtime";
import { readBoard, type BoardView } from "@/lib/tickets/board-view";
import { messagesFor } from "@/lib/i18n";

const t = freshDatabase();
let cast: Cast;
let machineId: number;

beforeAll(async () => {
  cast = await createCast(t.db, "live");
  machineId = (await createMachineRow(t.db)).id;
});

interface Published {
  conversationKey: string;
  event: LiveEvent;
  /** The ticket as D1 held it when the event left. */
  row: { status: string; assigned_to: number | null; deleted_at: string | null; title: string; priority: string; scheduled_date: string | null } | null;
}

/** Performs the operation as `role`, collecting what it published and what D1 said at that moment. */
async function as(role: Role, operation: Operation<never, unknown>, input: Record<string, unknown>, ticket?: number) {
  // The publish runs after the response (lib/after-response.ts): the row is read as it starts, and awaited here.
  const publishing: Promise<Published>[] = [];
  const read = async (): Promise<Published["row"]> => {
    const id = ticket ?? (await t.d1.prepare("SELECT MAX(id) AS id FROM tickets").first<{ id: number }>())!.id;
    return t.d1.prepare("SELECT status, assigned_to, deleted_at, title, priority, scheduled_date FROM tickets WHERE id = ?").bind(id).first();
  };
  const publishLive = (conversationKey: string, event: LiveEvent) => {
    const published = read().then((row) => ({ conversationKey, event, row }));
    publishing.push(published);
    return published.then(() => undefined);
  };
  const result = await perform(operation, input as never, contextFor(t.db, cast[role], { publishLive, dispatchNotifications: async () => {} }));
  return { result, published: await Promise.all(publishing) };
}

const tickets = { conversationKey: TEAM, event: { type: "tickets" } };

async function newTicket(): Promise<number> {
  const { result, published } = await as("operator", createTicket as never, { title: "Fuite d’huile", machineId });
  if (!result.ok) throw new Error(result.error);
  // A new ticket reaches every board: D1 has it when the event leaves.
  expect(published).toEqual([{ ...tickets, row: expect.objectContaining({ title: "Fuite d’huile", status: "received" }) }]);
  return (result.data as { id: number }).id;
}

describe("a ticket change reaches every open board", () => {
  it("a report, a move, an assignment, a take, a schedule, a priority, an edit, a finish and a deletion each publish one bare event, once D1 has the change", async () => {
    const id = await newTicket();
    const changes: [Role, Operation<never, unknown>, Record<string, unknown>, Partial<NonNullable<Published["row"]>>][] = [
      ["technician", moveTicket as never, { id, from: "received", to: "diagnostic" }, { status: "diagnostic" }],
      ["supervisor", assignTicket as never, { id, assignee: String(cast.technician.id) }, { assigned_to: cast.technician.id }],
      ["admin", takeTicket as never, { id }, { assigned_to: cast.admin.id }],
      ["supervisor", scheduleTicket as never, { id, date: "2026-12-01", time: "09:00" }, { scheduled_date: expect.stringMatching(/^2026-12-01T/) as unknown as string }],
      ["supervisor", setTicketPriority as never, { id, priority: "critical" }, { priority: "critical" }],
      ["technician", editTicket as never, { id, title: "Fuite d’huile sous la presse", description: "" }, { title: "Fuite d’huile sous la presse" }],
      // "Terminé" from a home, with its comment, in one batch.
      ["technician", finishTicket as never, { id, from: "diagnostic", comment: "Courroie changée" }, { status: "completed" }],
      ["supervisor", deleteTicket as never, { id }, { deleted_at: expect.any(String) as unknown as string }],
    ];
    for (const [role, operation, input, changed] of changes) {
      const { result, published } = await as(role, operation, input, id);
      expect(result.ok, operation.permission).toBe(true);
      // The event names no ticket: a socket learns only that something changed, and its page reads what its reader may see.
      expect(published, operation.permission).toEqual([{ ...tickets, row: expect.objectContaining(changed) }]);
    }
  });

  it("a machine marked down, and the mark cleared, tell the boards and the shop's screens once D1 has the stop", async () => {
    const id = await newTicket();
    const machine = (await t.d1.prepare("SELECT machine_id AS id FROM tickets WHERE id = ?").bind(id).first<{ id: number }>())!.id;
    const downSince = () => t.d1.prepare("SELECT down_since FROM machines WHERE id = ?").bind(machine).first<{ down_since: string | null }>();
    for (const [operation, down] of [
      [markMachineDown, true],
      [clearMachineDown, false],
    ] as const) {
      const published: unknown[] = [];
      const publishLive = async (conversationKey: string, event: LiveEvent) => void published.push({ conversationKey, event, down: (await downSince())!.down_since !== null });
      const result = await perform(operation, { id }, contextFor(t.db, cast.technician, { publishLive, dispatchNotifications: async () => {} }));
      expect(result.ok).toBe(true);
      await expect.poll(() => published).toEqual([{ ...tickets, down }]);
    }
  });

  it("J'y vais (take, then start) tells the boards of both steps", async () => {
    const id = await newTicket();
    const [notification] = await t.d1
      .prepare("INSERT INTO notifications (recipient_id, kind, ticket_id, push, created_at) VALUES (?, 'assigned', ?, 0, ?) RETURNING id")
      .bind(cast.technician.id, id, new Date().toISOString())
      .raw<[number]>();
    const { result, published } = await as("technician", goOnAssignment as never, { notificationId: notification![0] }, id);
    expect(result.ok).toBe(true);
    expect(published).toEqual([
      { ...tickets, row: expect.objectContaining({ status: "received", assigned_to: cast.technician.id }) },
      { ...tickets, row: expect.objectContaining({ status: "in_progress", assigned_to: cast.technician.id }) },
    ]);
  });

  it("a refused change publishes nothing: a stale move, an operator's move, a change that changes nothing", async () => {
    const id = await newTicket();
    await as("technician", moveTicket as never, { id, from: "received", to: "in_progress" }, id);
    const stale = await as("technician", moveTicket as never, { id, from: "received", to: "completed" }, id);
    expect(!stale.result.ok && stale.result.code).toBe("movedMeanwhile");
    expect(stale.published).toEqual([]);
    const operator = await as("operator", moveTicket as never, { id, from: "in_progress", to: "completed" }, id);
    expect(!operator.result.ok && operator.result.code).toBe("forbidden");
    expect(operator.published).toEqual([]);
    const same = await as("supervisor", setTicketPriority as never, { id, priority: "medium" }, id);
    expect(same.result.ok).toBe(true);
    expect(same.published).toEqual([]);
  });

  it("a publish that fails does not fail the change", async () => {
    const id = await newTicket();
    const failing = async () => {
      throw new Error("hub unreachable");
    };
    const result = await perform(moveTicket, { id, from: "received", to: "diagnostic" }, contextFor(t.db, cast.technician, { publishLive: failing, dispatchNotifications: async () => {} }));
    expect(result).toMatchObject({ ok: true });
    expect((await t.d1.prepare("SELECT status FROM tickets WHERE id = ?").bind(id).first<{ status: string }>())!.status).toBe("diagnostic");
  });
});

describe("what an open board reads again", () => {
  it("is the board as its page words it, for the reader's rights and language: an operator who sees only their own reports reads only those", async () => {
    const tag = `relu${Date.now().toString(36)}`;
    await as("operator", createTicket as never, { title: `Mien ${tag}`, machineId });
    await as("technician", createTicket as never, { title: `Autre ${tag}`, machineId });
    const read = async (role: Role, extra = {}) => {
      const result = await perform(readBoard, { q: tag }, contextFor(t.db, cast[role], extra));
      if (!result.ok) throw new Error(result.error);
      return result.data as BoardView;
    };
    const titles = (view: BoardView) => Object.values(view.cards).map((card) => card.title).sort();

    const lead = await read("supervisor");
    expect(titles(lead)).toEqual([`Autre ${tag}`, `Mien ${tag}`]);
    const received = lead.columns.find((c) => c.status === "received")!;
    expect(received).toMatchObject({ label: "Requête reçue", count: 2 });
    // Last changed first: the later report on top.
    expect(received.ids.map((id) => lead.cards[id]!.title)).toEqual([`Autre ${tag}`, `Mien ${tag}`]);
    expect(lead.cards[received.ids[0]!]).toMatchObject({ priorityLabel: "Moyenne", assignee: "Non assigné" });

    const operator = await read("operator", { locale: "en", t: messagesFor("en") });
    expect(titles(operator)).toEqual([`Mien ${tag}`]);
    expect(operator.columns.find((c) => c.status === "received")).toMatchObject({ label: "Received", count: 1 });
  });
});
