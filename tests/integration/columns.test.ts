// The plant's own board columns (issue #22, item 2): admins add, rename, recolour,
// reorder and delete them, each change with its audit entry in its batch; received,
// completed and archived are never deleted, nor a column that holds tickets unless
// they are moved first (one batch, each ticket's status event). And every rule reads
// a column's stage, never its name: a ticket in a column of the plant's own in the
// "waiting" stage is neither overdue nor swept, nor counted as open time in the
// reliability figures; the one-tap steps go to the first column of their stage; the
// webhook's payload keeps its keys, `status` its key, and `status_label` names it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { perform } from "@/lib/operation";
import type { Role } from "@/lib/permissions";
import { loadReliability } from "@/lib/reliability/queries";
import { addColumn, deleteColumn, listColumnsForAdmin, moveColumn, updateColumn } from "@/lib/tickets/column-admin";
import { columnName, liveColumns, loadColumns, MAX_COLUMNS, statusName, type Stage } from "@/lib/tickets/columns";
import { isOverdue, OVERDUE_SQL, overdueWhere, TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { finishTicket, moveTicket } from "@/lib/tickets/operations";
import { nextWorkStep } from "@/lib/tickets/work";
import { messagesFor } from "@/lib/i18n";
import { sqlDate } from "@/lib/db/sql";
import { parseWebhookSettings, resolveWebhookConfig } from "@/lib/webhooks/config";
import { sendOverdueWebhooks } from "@/lib/webhooks/sweep";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { startReceiver } from "./helpers/receiver";

const HOUR = 3_600_000;
const now = new Date("2026-11-23T15:00:00Z");

function setup(tag: string) {
  const t = freshDatabase();
  const state = { cast: {} as Cast };
  beforeAll(async () => {
    state.cast = await createCast(t.db, tag);
  });
  const as = (role: Role, at = now) => contextFor(t.db, state.cast[role], { now: at, publishLive: async () => {}, dispatchNotifications: async () => {} });
  const ok = async <T,>(result: Promise<{ ok: true; data: T } | { ok: false; error: string }>) => {
    const done = await result;
    if (!done.ok) throw new Error(done.error);
    return done.data;
  };
  /** A column of the plant's own, added by the admin. */
  const add = async (nameFr: string, stage: Stage, color = "teal") => {
    const { key } = await ok(perform(addColumn, { nameFr, nameEn: `${nameFr} (en)`, stage, color }, as("admin")));
    return (await loadColumns(t.db)).find((c) => c.key === key)!;
  };
  const order = async () => liveColumns(await loadColumns(t.db)).map((c) => c.key);
  const audit = async (entityId: number) => (await t.db.auditLog.findMany({ where: { entityType: "column", entityId: String(entityId) }, orderBy: { id: "asc" } })).map((e) => e.action);
  let n = 0;
  const ticketIn = async (status: string, extra: { assignedTo?: number | null; scheduledDate?: Date | null; createdAt?: Date; machineId?: number } = {}) => {
    const machineId = extra.machineId ?? (await createMachineRow(t.db, `Machine ${tag} ${++n}`)).id;
    return t.db.ticket.create({
      data: {
        ticketId: `COL-${tag}-${++n}`,
        title: `Ticket ${n}`,
        machineId,
        reportedBy: state.cast.operator.id,
        status,
        assignedTo: extra.assignedTo ?? null,
        scheduledDate: extra.scheduledDate ?? null,
        createdAt: extra.createdAt ?? now,
      },
    });
  };
  return { t, state, as, ok, add, order, audit, ticketIn };
}

describe("the plant's columns, as an admin changes them", () => {
  const { t, state, as, ok, add, order, audit, ticketIn } = setup("admin");

  it("start as the six the board always had, received, completed and archived protected", async () => {
    const columns = await loadColumns(t.db);
    expect(columns.map((c) => [c.key, c.stage, c.protected])).toEqual([
      ["received", "new", true],
      ["diagnostic", "new", false],
      ["in_progress", "in_work", false],
      ["waiting_parts", "waiting", false],
      ["completed", "done", true],
      ["archived", "archived", true],
    ]);
    // Never renamed: each reads the catalogue's word in the reader's language.
    expect(columns.map((c) => columnName(c, "en", messagesFor("en")))).toEqual(["Received", "Diagnostic", "In progress", "Waiting for parts", "Completed", "Archived"]);
  });

  it("are changed by admins only", async () => {
    for (const role of ["operator", "technician", "supervisor"] as const) {
      expect(await perform(addColumn, { nameFr: "Refusée", nameEn: "Refused", stage: "in_work", color: "red" }, as(role))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await perform(moveColumn, { id: 1, direction: "down" }, as(role))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await perform(deleteColumn, { id: 2 }, as(role))).toMatchObject({ ok: false, code: "forbidden" });
    }
  });

  it("gain one, with a generated key, after the columns of its stage, and its audit entry", async () => {
    const qc = await add("Contrôle qualité", "in_work");
    expect(qc).toMatchObject({ key: `col_${qc.id}`, stage: "in_work", nameFr: "Contrôle qualité", nameEn: "Contrôle qualité (en)", color: "teal", protected: false });
    expect(await order()).toEqual(["received", "diagnostic", "in_progress", qc.key, "waiting_parts", "completed", "archived"]);
    expect(await audit(qc.id)).toEqual(["column.created"]);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { entityType: "column", entityId: String(qc.id) } });
    expect(JSON.parse(entry.after!)).toEqual({ nameFr: "Contrôle qualité", nameEn: "Contrôle qualité (en)", color: "teal", stage: "in_work" });
  });

  it("are renamed and recoloured, the built-in ones too, which keep following the catalogue where their word is kept", async () => {
    const received = (await loadColumns(t.db)).find((c) => c.key === "received")!;
    await ok(perform(updateColumn, { id: received.id, nameFr: "Nouvelle demande", nameEn: "Received", color: "cyan" }, as("admin")));
    const renamed = (await loadColumns(t.db)).find((c) => c.key === "received")!;
    expect(renamed).toMatchObject({ nameFr: "Nouvelle demande", nameEn: null, color: "cyan" });
    expect(columnName(renamed, "fr", messagesFor("fr"))).toBe("Nouvelle demande");
    expect(columnName(renamed, "en", messagesFor("en"))).toBe("Received");
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "column.updated", entityId: String(received.id) } });
    // The names before and after, as the board showed them.
    expect(JSON.parse(entry.before!)).toEqual({ nameFr: "Requête reçue", nameEn: "Received", color: "blue" });
    expect(JSON.parse(entry.after!)).toEqual({ nameFr: "Nouvelle demande", nameEn: "Received", color: "cyan" });
    // A name another column has, in either language, is refused in words.
    const refused = await perform(updateColumn, { id: received.id, nameFr: "diagnostic", nameEn: "Received", color: "cyan" }, as("admin"));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { nameFr: "Une autre colonne porte déjà ce nom." } });
  });

  it("are reordered one place at a time, the order in the log by name", async () => {
    const qc = (await loadColumns(t.db)).find((c) => c.nameFr === "Contrôle qualité")!;
    await ok(perform(moveColumn, { id: qc.id, direction: "down" }, as("admin")));
    expect(await order()).toEqual(["received", "diagnostic", "in_progress", "waiting_parts", qc.key, "completed", "archived"]);
    await ok(perform(moveColumn, { id: qc.id, direction: "up" }, as("admin")));
    await ok(perform(moveColumn, { id: qc.id, direction: "up" }, as("admin")));
    expect(await order()).toEqual(["received", "diagnostic", qc.key, "in_progress", "waiting_parts", "completed", "archived"]);
    // Already first: nothing moves, nothing is recorded.
    const first = (await loadColumns(t.db)).find((c) => c.key === "received")!;
    await ok(perform(moveColumn, { id: first.id, direction: "up" }, as("admin")));
    expect(await audit(first.id)).toEqual(["column.updated"]);
    expect(await audit(qc.id)).toEqual(["column.created", "column.reordered", "column.reordered", "column.reordered"]);
  });

  it("lose an empty one: it leaves the board, its row stays, so its name does in every history", async () => {
    const spare = await add("Colonne de trop", "waiting");
    const moved = await ticketIn("waiting_parts");
    await ok(perform(moveTicket, { id: moved.id, from: "waiting_parts", to: spare.key }, as("technician")));
    await ok(perform(moveTicket, { id: moved.id, from: spare.key, to: "waiting_parts" }, as("technician")));
    await ok(perform(deleteColumn, { id: spare.id }, as("admin")));
    expect(await order()).not.toContain(spare.key);
    const columns = await loadColumns(t.db);
    expect(columns.find((c) => c.key === spare.key)).toMatchObject({ deleted: true });
    expect(statusName(columns, spare.key, "fr", messagesFor("fr"))).toBe("Colonne de trop");
    expect(await audit(spare.id)).toEqual(["column.created", "column.deleted"]);
    // Nothing goes to a deleted column any more, whatever a page still shows.
    expect(await perform(moveTicket, { id: moved.id, from: "waiting_parts", to: spare.key }, as("technician"))).toMatchObject({ ok: false, code: "columnGone" });
  });

  it("never lose received, completed or archived", async () => {
    for (const key of ["received", "completed", "archived"]) {
      const column = (await loadColumns(t.db)).find((c) => c.key === key)!;
      const refused = await perform(deleteColumn, { id: column.id }, as("admin"));
      expect(refused).toMatchObject({ ok: false, code: "columnProtected" });
    }
    expect(await order()).toEqual(expect.arrayContaining(["received", "completed", "archived"]));
  });

  it("refuse to delete a column that holds tickets, and say how many", async () => {
    const busy = await add("Chez le sous-traitant", "waiting");
    await ticketIn(busy.key);
    const refused = await perform(deleteColumn, { id: busy.id }, as("admin"));
    expect(refused).toMatchObject({ ok: false, code: "columnHasTickets" });
    expect(!refused.ok && refused.error).toBe("«\u00a0Chez le sous-traitant\u00a0» contient encore 1 ticket : déplacez-les vers une autre colonne avant de la supprimer.");
    expect(await order()).toContain(busy.key);
    expect(await audit(busy.id)).toEqual(["column.created"]);
    expect((await listColumnsForAdmin(t.db)).find((c) => c.key === busy.key)).toMatchObject({ tickets: 1 });
  });

  it("move a column's tickets then delete it in one batch: each ticket's status event, completion and machine stop as a move writes them", async () => {
    const check = await add("Vérification finale", "in_work");
    const machine = await createMachineRow(t.db, "Presse vérifiée");
    const [a, b] = [await ticketIn(check.key, { machineId: machine.id }), await ticketIn(check.key)];
    await t.db.machine.update({ where: { id: machine.id }, data: { downSince: now, downTicketId: a.id } });
    await t.db.machineDowntime.create({ data: { machineId: machine.id, ticketId: a.id, startedAt: now, startedBy: state.cast.operator.id } });
    const later = new Date(now.getTime() + HOUR);
    // A target that is not a column of the board is refused, and nothing moves.
    expect(await perform(deleteColumn, { id: check.id, moveTo: "nowhere" }, as("admin", later))).toMatchObject({ ok: false, fieldErrors: { moveTo: expect.any(String) } });
    expect(await ok(perform(deleteColumn, { id: check.id, moveTo: "completed" }, as("admin", later)))).toEqual({ id: check.id, moved: 2 });
    for (const ticket of [a, b]) {
      expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "completed", completedAt: later, updatedAt: later });
      const events = await t.db.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "status" } });
      expect(events.map((e) => [e.fromValue, e.toValue, e.actorId])).toEqual([[check.key, "completed", state.cast.admin.id]]);
    }
    expect(await t.db.machine.findUniqueOrThrow({ where: { id: machine.id } })).toMatchObject({ downSince: null, downTicketId: null });
    expect(await t.db.machineDowntime.findFirstOrThrow({ where: { ticketId: a.id } })).toMatchObject({ endedAt: later, endedBy: state.cast.admin.id });
    expect((await t.db.ticketEvent.findMany({ where: { ticketId: a.id, type: "machine_up" } })).length).toBe(1);
    expect(await audit(check.id)).toEqual(["column.created", "column.tickets_moved", "column.deleted"]);
    const moved = await t.db.auditLog.findFirstOrThrow({ where: { action: "column.tickets_moved", entityId: String(check.id) } });
    expect([JSON.parse(moved.before!), JSON.parse(moved.after!)]).toEqual([{ column: check.key }, { column: "completed", tickets: 2 }]);
    expect(await order()).not.toContain(check.key);
  });

  it("hold twelve at most, said in words", async () => {
    while ((await order()).length < MAX_COLUMNS) await add(`En plus ${(await order()).length}`, "in_work");
    const refused = await perform(addColumn, { nameFr: "Une de trop", nameEn: "One too many", stage: "new", color: "red" }, as("admin"));
    expect(refused).toMatchObject({ ok: false, code: "columnsFull", error: "Le tableau a déjà 12 colonnes, le maximum : supprimez-en une avant d’en ajouter une autre." });
    expect(await order()).toHaveLength(MAX_COLUMNS);
  });
});

describe("the rules, which read a column's stage", () => {
  const { t, state, as, ok, add, ticketIn } = setup("rules");
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => receiver?.close());
  const sweep = (at: Date) =>
    sendOverdueWebhooks(t.db, {
      now: at,
      config: resolveWebhookConfig({ ...parseWebhookSettings([]), url: receiver.url, pauseMs: 0 }, { WEBHOOK_ALLOW_PRIVATE: "1" }, "https://atelier.example.com"),
      timeZone: "America/Toronto",
      log: () => {},
      elapsedMs: () => 0,
    });

  it("a ticket in a waiting column of the plant's own is neither overdue nor swept, although assigned and past its date; in a 'not started' one it is", async () => {
    const supplier = await add("Attente fournisseur", "waiting");
    const toSort = await add("À trier", "new");
    const past = new Date(now.getTime() - 2 * HOUR);
    const waiting = await ticketIn(supplier.key, { assignedTo: state.cast.technician.id, scheduledDate: past });
    const sorting = await ticketIn(toSort.key, { assignedTo: TEAM_ASSIGNEE, scheduledDate: past });
    const columns = await loadColumns(t.db);
    const stage = (status: string) => columns.find((c) => c.key === status)!.stage;
    expect(isOverdue({ ...waiting, stage: stage(waiting.status) }, now)).toBe(false);
    expect(isOverdue({ ...sorting, stage: stage(sorting.status) }, now)).toBe(true);
    const prisma = await t.db.ticket.findMany({ where: overdueWhere(now, columns), select: { id: true } });
    const raw = await t.db.$queryRawUnsafe<{ id: number }[]>(`SELECT t.id FROM tickets t WHERE ${OVERDUE_SQL}`, sqlDate(now));
    for (const found of [prisma.map((r) => r.id), raw.map((r) => Number(r.id))]) {
      expect(found).toContain(sorting.id);
      expect(found).not.toContain(waiting.id);
    }
    await sweep(now);
    const sent = receiver.requests.map((r) => r.json);
    expect(sent.map((json) => json.ticket_id)).toEqual([sorting.ticketId]);
  });

  it("the webhook's payload keeps every key it had: status the column's key, status_label its name", async () => {
    const [payload] = receiver.requests.map((r) => r.json);
    // The fields of docs/webhook-payload.md, which the operator's Pabbly workflows map.
    expect(Object.keys(payload!).sort()).toEqual(
      [
        "event",
        "ticket_id",
        "title",
        "description",
        "priority",
        "priority_label",
        "status",
        "status_label",
        "machine",
        "machine_location",
        "scheduled_date",
        "scheduled_date_utc",
        "assigned_to",
        "reporter",
        "created_at",
        "created_at_utc",
        "overdue_days",
        "overdue_hours",
        "overdue_minutes",
        "overdue_text",
        "notification_sent_at",
        "notification_sent_at_utc",
        "time_zone",
        "ticket_url",
      ].sort(),
    );
    const toSort = (await loadColumns(t.db)).find((c) => c.nameFr === "À trier")!;
    expect(payload).toMatchObject({ status: toSort.key, status_label: "À trier", assigned_to: "Toute l’équipe" });
  });

  it("time to close leaves out the time spent waiting, in a column of the plant's own as in Attente pièces", async () => {
    const supplier = (await loadColumns(t.db)).find((c) => c.nameFr === "Attente fournisseur")!;
    const start = new Date("2026-11-10T13:00:00Z");
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
    const ticket = await ticketIn("received", { assignedTo: state.cast.technician.id, createdAt: start });
    const move = (from: string, to: string, hours: number) => ok(perform(moveTicket, { id: ticket.id, from, to }, as("technician", at(hours))));
    await move("received", "in_progress", 1);
    await move("in_progress", supplier.key, 2);
    await move(supplier.key, "in_progress", 20); // 18 h waiting for the supplier
    await move("in_progress", "waiting_parts", 21);
    await move("waiting_parts", "in_progress", 23); // 2 h waiting for parts
    await move("in_progress", "completed", 24);
    const report = await loadReliability(t.db, state.cast.admin, { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-20T00:00:00Z") }, now);
    const technician = report!.technicians.find((row) => row.actorId === state.cast.technician.id)!;
    expect(technician.closed).toBe(1);
    // 24 h from report to completion, 20 of them waiting: 4 h of open time.
    expect(technician.medianHoursToClose).toBeCloseTo(4, 5);
  });

  it("the one-tap steps go to the first column of their stage, after an admin deleted En cours", async () => {
    const qc = await add("Contrôle qualité", "in_work");
    const inProgress = (await loadColumns(t.db)).find((c) => c.key === "in_progress")!;
    await ok(perform(deleteColumn, { id: inProgress.id }, as("admin")));
    const columns = await loadColumns(t.db);
    const ticket = await ticketIn("diagnostic", { assignedTo: state.cast.technician.id });
    const start = nextWorkStep({ assignedTo: state.cast.technician.id, stage: "new" }, state.cast.technician.id, columns);
    expect(start).toEqual({ kind: "start", to: qc.key });
    await ok(perform(moveTicket, { id: ticket.id, from: "diagnostic", to: start.to! }, as("technician")));
    const finish = nextWorkStep({ assignedTo: state.cast.technician.id, stage: "in_work" }, state.cast.technician.id, columns);
    expect(finish).toEqual({ kind: "finish", to: "completed" });
    expect(await ok(perform(finishTicket, { id: ticket.id, from: qc.key }, as("technician")))).toMatchObject({ status: "completed" });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "completed", completedAt: now });
    // A waiting ticket resumes in the same column.
    expect(nextWorkStep({ assignedTo: state.cast.technician.id, stage: "waiting" }, state.cast.technician.id, columns)).toEqual({ kind: "resume", to: qc.key });
  });
});
