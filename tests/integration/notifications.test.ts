import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runScheduledJobs } from "@/cron";
import { createDb, type Db } from "@/lib/db/client";
import { setMachineStatus } from "@/lib/machines/operations";
import { markConversationRead, sendMessage } from "@/lib/messages/operations";
import { privateKey, TEAM } from "@/lib/messages/model";
import type { NotificationRow } from "@/lib/notifications/events";
import { markAllNotificationsRead, openNotification, readTicketNotifications, saveNotificationPreferences } from "@/lib/notifications/operations";
import { countUnreadNotifications, hasUnreadTicketNotifications } from "@/lib/notifications/queries";
import type { LiveEvent } from "@/lib/messages/live";
import { perform, type Actor } from "@/lib/operation";
import { addComment } from "@/lib/tickets/comments";
import { assignTicket, moveTicket, takeTicket } from "@/lib/tickets/operations";
import { countingD1 } from "../../bench/lib/count-d1.mjs";
import { contextFor, createMachineRow } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
const now = new Date("2026-11-23T15:00:00Z");
const HOUR = 60 * 60 * 1000;

let tag = 0;
async function person(role: Actor["role"], name: string, active = true): Promise<Actor> {
  const email = `${role}.${++tag}@notify.test`;
  const { nameKey } = await import("@/lib/accounts/names");
  const user = await t.db.user.create({ data: { email, name, role, passwordHash: "x", active, nameKey: active ? `${nameKey(name)} ${tag}` : null } });
  return { id: user.id, name, email, role };
}

/** Runs the operation as `actor`, collecting what it dispatched. */
async function as<T>(actor: Actor, operation: Parameters<typeof perform>[0], input: unknown, db: Db = t.db) {
  const dispatched: NotificationRow[] = [];
  const result = await perform(operation, input, contextFor(db, actor, { now, dispatchNotifications: async (rows) => void dispatched.push(...rows) }));
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return { data: result.data as T, dispatched };
}

async function notificationsOf(userId: number) {
  return t.db.notification.findMany({ where: { recipientId: userId }, orderBy: { id: "asc" } });
}

let machineId: number;
async function ticket(reportedBy: number, data: { assignedTo?: number | null; status?: string; scheduledDate?: Date } = {}) {
  return t.db.ticket.create({
    data: {
      ticketId: `TKT-M001-20261123-${String(++tag).padStart(4, "0")}`,
      title: "Fuite d’huile",
      machineId,
      reportedBy,
      status: data.status ?? "received",
      assignedTo: data.assignedTo ?? null,
      scheduledDate: data.scheduledDate ?? null,
      createdAt: now,
      updatedAt: now,
    },
  });
}

let admin: Actor, supervisor: Actor, tech: Actor, tech2: Actor, operator: Actor, gone: Actor;

beforeAll(async () => {
  machineId = (await createMachineRow(t.db)).id;
  admin = await person("admin", "Anne Admin");
  supervisor = await person("supervisor", "Sophie Tremblay");
  tech = await person("technician", "Élise Roy");
  tech2 = await person("technician", "Marc Gagnon");
  operator = await person("operator", "Luc Bouchard");
  gone = await person("technician", "Paul Parti", false);
});

beforeEach(async () => {
  await t.db.notification.deleteMany({});
  await t.db.notificationPreference.deleteMany({});
});

describe("who is told of what", () => {
  it("an assignment tells the assignee, in the same batch, and nobody else", async () => {
    const tk = await ticket(operator.id);
    const { dispatched } = await as(supervisor, assignTicket, { id: tk.id, assignee: tech.id });
    const rows = await t.db.notification.findMany({});
    expect(rows.map((r) => [r.recipientId, r.kind, r.ticketId, r.actorId, r.push])).toEqual([[tech.id, "assigned", tk.id, supervisor.id, true]]);
    expect(dispatched.map((d) => d.recipientId)).toEqual([tech.id]);
  });

  it("nobody is told of their own action: taking a ticket, moving one's own report", async () => {
    const tk = await ticket(tech.id);
    await as(tech, takeTicket, { id: tk.id });
    await as(tech, moveTicket, { id: tk.id, from: "received", to: "in_progress" });
    await as(tech, addComment, { ticketId: tk.id, content: "Je m’en occupe" });
    expect(await t.db.notification.count()).toBe(0);
  });

  it("a team assignment tells every active technician and supervisor but the actor, in one batch of fixed size", async () => {
    const tk = await ticket(operator.id);
    const { d1, counter } = countingD1(t.d1);
    const { dispatched } = await as(supervisor, assignTicket, { id: tk.id, assignee: "team" }, createDb(d1));
    const recipients = (await t.db.notification.findMany({ where: { ticketId: tk.id } })).map((r) => r.recipientId).sort();
    expect(recipients).toEqual([tech.id, tech2.id].sort());
    expect(recipients).not.toContain(gone.id);
    expect(dispatched).toHaveLength(2);
    // Read the ticket, then one batch (update, timeline, notifications): 4 whatever the team's size.
    expect({ queries: counter.queries, batches: counter.batches }).toEqual({ queries: 4, batches: 1 });
  });

  it("a refused change tells nobody (the ticket moved meanwhile)", async () => {
    const tk = await ticket(operator.id, { status: "diagnostic" });
    const result = await perform(moveTicket, { id: tk.id, from: "received", to: "in_progress" }, contextFor(t.db, tech, { now }));
    expect(result.ok).toBe(false);
    expect(await t.db.notification.count()).toBe(0);
  });

  it("the reporter hears of a status change and a comment", async () => {
    const tk = await ticket(operator.id);
    await as(tech, moveTicket, { id: tk.id, from: "received", to: "diagnostic" });
    await as(supervisor, addComment, { ticketId: tk.id, content: "Pièce commandée" });
    expect((await notificationsOf(operator.id)).map((n) => [n.kind, n.actorId])).toEqual([
      ["report_status", tech.id],
      ["report_comment", supervisor.id],
    ]);
  });

  it("a private message tells its recipient; a team message tells the people it names (@Prénom, any case or accent)", async () => {
    await as(operator, sendMessage, { clientId: crypto.randomUUID(), conversation: privateKey(operator.id, tech.id), content: "Bonjour" });
    await as(operator, sendMessage, { clientId: crypto.randomUUID(), conversation: TEAM, content: "@elise et @SOPHIE, la presse fuit. @Luc" });
    expect((await notificationsOf(tech.id)).map((n) => n.kind)).toEqual(["message", "mention"]);
    expect((await notificationsOf(supervisor.id)).map((n) => n.kind)).toEqual(["mention"]);
    // @Luc is the sender himself.
    expect(await notificationsOf(operator.id)).toEqual([]);
    expect(await notificationsOf(tech2.id)).toEqual([]);
  });

  it("leads hear of a machine put out of service, not the admin who did it", async () => {
    const machine = await createMachineRow(t.db, "Tour");
    await as(admin, setMachineStatus, { id: machine.id, status: "out_of_service" });
    expect((await t.db.notification.findMany({ where: { machineId: machine.id } })).map((n) => n.recipientId)).toEqual([supervisor.id]);
    await as(admin, setMachineStatus, { id: machine.id, status: "maintenance" });
    expect(await t.db.notification.count({ where: { machineId: machine.id } })).toBe(1);
  });
});

describe("preferences", () => {
  it("off tells nothing, in-app only writes the row without push", async () => {
    await as(tech, saveNotificationPreferences, { assigned: "off", overdue: "push", report_status: "app", report_comment: "app", message: "app", mention: "push" });
    await as(tech2, saveNotificationPreferences, { assigned: "app", overdue: "push", report_status: "app", report_comment: "app", message: "push", mention: "push" });
    const tk = await ticket(operator.id);
    await as(supervisor, assignTicket, { id: tk.id, assignee: "team" });
    expect((await t.db.notification.findMany({})).map((n) => [n.recipientId, n.push])).toEqual([[tech2.id, false]]);
  });

  it("a channel that is not one is refused and nothing is stored", async () => {
    const result = await perform(saveNotificationPreferences, { assigned: "loud" }, contextFor(t.db, tech, { now }));
    expect(result.ok).toBe(false);
    expect(await t.db.notificationPreference.count({ where: { userId: tech.id } })).toBe(0);
  });

  it("an operator's choice for a kind their role never receives is not asked, and defaults follow the role", async () => {
    // Operators: progress of their reports by push; never assigned.
    const result = await perform(saveNotificationPreferences, { report_status: "off", report_comment: "push", message: "push", mention: "push" }, contextFor(t.db, operator, { now }));
    expect(result.ok).toBe(true);
    expect(await t.db.notificationPreference.count({ where: { userId: operator.id, kind: "assigned" } })).toBe(0);
  });
});

describe("the centre", () => {
  it("opening a notification marks it read and leads to its ticket; someone else's is not found", async () => {
    const tk = await ticket(operator.id);
    await as(supervisor, assignTicket, { id: tk.id, assignee: tech.id });
    const [n] = await notificationsOf(tech.id);
    expect(await countUnreadNotifications(t.db, tech.id)).toBe(1);
    const other = await perform(openNotification, { id: n!.id }, contextFor(t.db, tech2, { now }));
    expect(other).toMatchObject({ ok: false, code: "notFound" });
    const { data } = await as<{ href: string }>(tech, openNotification, { id: n!.id });
    expect(data.href).toBe(`/tickets/${tk.ticketId}`);
    expect(await countUnreadNotifications(t.db, tech.id)).toBe(0);
  });

  it("opening a ticket's page reads the person's notifications about that ticket only", async () => {
    await as(tech, markAllNotificationsRead, {});
    await as(tech2, markAllNotificationsRead, {});
    const [opened, other] = [await ticket(operator.id), await ticket(operator.id)];
    await as(supervisor, assignTicket, { id: opened.id, assignee: "team" });
    await as(supervisor, assignTicket, { id: other.id, assignee: tech.id });
    expect(await hasUnreadTicketNotifications(t.db, tech.id, opened.id)).toBe(true);
    const { data } = await as<{ count: number }>(tech, readTicketNotifications, { ticketId: opened.id });
    expect(data.count).toBe(1);
    expect(await hasUnreadTicketNotifications(t.db, tech.id, opened.id)).toBe(false);
    // The other ticket's stays unread, and so does the colleague's about the same ticket.
    expect(await hasUnreadTicketNotifications(t.db, tech.id, other.id)).toBe(true);
    expect(await hasUnreadTicketNotifications(t.db, tech2.id, opened.id)).toBe(true);
  });

  it("reading a conversation reads the notifications its messages brought, in the same batch, and tells the reader's bell", async () => {
    const say = (from: Actor, conversation: string, content: string) => as<{ id: number }>(from, sendMessage, { clientId: crypto.randomUUID(), conversation, content });
    const pair = privateKey(tech.id, tech2.id);
    for (const content of ["Tu as vu la presse ?", "Elle fuit encore", "Je passe à 14 h"]) await say(tech2, pair, content);
    const { data: last } = await say(tech2, pair, "Merci");
    await say(operator, privateKey(tech.id, operator.id), "Bonjour");
    await say(supervisor, TEAM, "@Élise tu peux regarder la presse ?");
    // A message after the one read up to stays unread, with its notification.
    await say(tech2, pair, "Encore une chose");
    expect(await countUnreadNotifications(t.db, tech.id)).toBe(7);

    const events: LiveEvent[] = [];
    const { d1, counter } = countingD1(t.d1);
    const read = await perform(markConversationRead, { conversation: pair, upTo: last.id }, contextFor(createDb(d1), tech, { now, publishLive: async (_key, event) => void events.push(event) }));
    expect(read.ok).toBe(true);
    // The last message read up to, then one batch: the pointer, read_at, the notifications.
    expect({ queries: counter.queries, batches: counter.batches }).toEqual({ queries: 4, batches: 1 });
    expect(await countUnreadNotifications(t.db, tech.id)).toBe(3);
    expect(events).toEqual([{ type: "read", conversationKey: pair, userId: tech.id, lastReadId: last.id, notificationsRead: 4 }]);

    // The team channel: the mention it brought; the other pair's message stays unread.
    const teamLast = await t.db.message.findFirstOrThrow({ where: { conversationKey: TEAM }, orderBy: { id: "desc" } });
    await perform(markConversationRead, { conversation: TEAM, upTo: teamLast.id }, contextFor(t.db, tech, { now, publishLive: async () => {} }));
    const unread = await t.db.notification.findMany({ where: { recipientId: tech.id, readAt: null }, orderBy: { id: "asc" } });
    expect(unread.map((n) => n.kind)).toEqual(["message", "message"]);
    // Nobody else's notifications are touched.
    expect(await countUnreadNotifications(t.db, supervisor.id)).toBe(0);
    expect(await t.db.notification.count({ where: { recipientId: tech2.id } })).toBe(0);
  });

  it("mark all as read touches only the person's own", async () => {
    const tk = await ticket(operator.id);
    await as(supervisor, assignTicket, { id: tk.id, assignee: "team" });
    await as(tech, markAllNotificationsRead, {});
    expect(await countUnreadNotifications(t.db, tech.id)).toBe(0);
    expect(await countUnreadNotifications(t.db, tech2.id)).toBe(1);
  });
});

describe("overdue, by the cron", () => {
  const run = async (at: Date, dispatched: NotificationRow[] = []) =>
    runScheduledJobs(t.db, { cron: "*/5 * * * *", now: at, env: {}, log: () => {}, dispatch: async (rows) => void dispatched.push(...rows) });

  it("tells the assignee and every lead once per window, even under 5 overlapping runs", async () => {
    const tk = await ticket(operator.id, { assignedTo: tech.id, scheduledDate: new Date(now.getTime() - HOUR) });
    const dispatched: NotificationRow[] = [];
    await Promise.all(Array.from({ length: 5 }, () => run(now, dispatched)));
    const rows = await t.db.notification.findMany({ where: { ticketId: tk.id }, orderBy: { recipientId: "asc" } });
    expect(rows.map((r) => [r.recipientId, r.kind])).toEqual(
      [
        [admin.id, "overdue_all"],
        [supervisor.id, "overdue_all"],
        [tech.id, "overdue"],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(dispatched).toHaveLength(3);
    // Admins' default for any overdue ticket is in the app only.
    expect(rows.find((r) => r.recipientId === admin.id)!.push).toBe(false);

    await run(new Date(now.getTime() + 23 * HOUR));
    expect(await t.db.notification.count({ where: { ticketId: tk.id } })).toBe(3);
    await run(new Date(now.getTime() + 25 * HOUR));
    expect(await t.db.notification.count({ where: { ticketId: tk.id } })).toBe(6);
    const recorded = await t.db.cronRun.findMany({ where: { job: "overdue-notifications" } });
    expect(recorded.filter((r) => r.outcome === "success").length).toBeGreaterThanOrEqual(7);
    await t.db.ticket.update({ where: { id: tk.id }, data: { deletedAt: now } });
  });

  it("a team ticket overdue tells technicians and supervisors as theirs", async () => {
    const tk = await ticket(operator.id, { assignedTo: 0, scheduledDate: new Date(now.getTime() - HOUR) });
    await run(now);
    const kinds = Object.fromEntries((await t.db.notification.findMany({ where: { ticketId: tk.id } })).map((r) => [r.recipientId, r.kind]));
    expect(kinds).toEqual({ [admin.id]: "overdue_all", [supervisor.id]: "overdue", [tech.id]: "overdue", [tech2.id]: "overdue" });
    await t.db.ticket.update({ where: { id: tk.id }, data: { deletedAt: now } });
  });
});
