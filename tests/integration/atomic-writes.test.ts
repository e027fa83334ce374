// A change and its record (timeline event, audit entry, webhook attempt) are
// written together or not at all. Each test makes the record's INSERT fail with
// a trigger, checks that the change did not happen either, then drops the
// trigger and checks that the same call writes both.
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./helpers/local-d1";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { createFixtures } from "./helpers/tickets";
import { perform, type Operation } from "@/lib/operation";
import type { Role } from "@/lib/permissions";
import {
  assignTicket,
  createTicket,
  deleteTicket,
  editTicket,
  moveTicket,
  scheduleTicket,
  setTicketPriority,
} from "@/lib/tickets/operations";
import { addComment, deleteComment, editComment } from "@/lib/tickets/comments";
import { addMedia, deleteMedia } from "@/lib/tickets/media";
import { createMachine, deleteMachine, setMachineStatus, updateMachine } from "@/lib/machines/operations";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/lib/accounts/users";
import { updateSettings } from "@/lib/settings/settings";
import { recordAttempt } from "@/lib/webhooks/claims";

const t = freshDatabase();
let cast: Cast;
let machineId: number;

beforeAll(async () => {
  cast = await createCast(t.db, "atomic");
  machineId = (await createMachineRow(t.db)).id;
});

const as = (role: Role) => contextFor(t.db, cast[role], { media: t.media });
const jpeg = () => {
  const bytes = new Uint8Array(64);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return new File([bytes], "photo.jpg");
};

async function rows(sql: string, ...values: unknown[]) {
  return (await t.d1.prepare(sql).bind(...values).all()).results;
}
async function count(sql: string, ...values: unknown[]) {
  return Number((await rows(sql, ...values))[0]!.n);
}
const objectCount = async () => (await t.media.list()).objects.length;

/** Runs `body` while every INSERT (or UPDATE) of `table` fails, as a full disk or a bug would make it. */
async function whileInsertsFail(table: string, body: () => Promise<void>, write: "INSERT" | "UPDATE" = "INSERT") {
  await t.d1.exec(`CREATE TRIGGER fail_${table} BEFORE ${write} ON ${table} BEGIN SELECT RAISE(ABORT, 'boom'); END`);
  try {
    await body();
  } finally {
    await t.d1.exec(`DROP TRIGGER fail_${table}`);
  }
}

async function run<T>(operation: Operation<never, T>, input: Record<string, unknown>, role: Role = "admin") {
  const result = await perform(operation as Operation<never, T>, input as never, as(role));
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.data;
}
const fails = (operation: Operation<never, unknown>, input: Record<string, unknown>, role: Role = "admin") =>
  expect(perform(operation, input as never, as(role))).rejects.toThrow(/boom/);

async function newTicket() {
  return run(createTicket as never, { title: "Fuite d’huile", machineId }, "operator") as Promise<{ id: number }>;
}
const ticketRow = async (id: number) => (await rows("SELECT * FROM tickets WHERE id = ?", id))[0];
const events = (id: number) => count("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ?", id);

describe("a ticket change and its timeline event", () => {
  it("are both missing when the event cannot be written, and both there on retry", async () => {
    const { id } = await newTicket();
    const changes: [Operation<never, unknown>, Record<string, unknown>][] = [
      [editTicket as never, { id, title: "Fuite d’huile importante", description: "Sous la presse" }],
      [moveTicket as never, { id, from: "received", to: "diagnostic" }],
      [assignTicket as never, { id, assignee: "team" }],
      [scheduleTicket as never, { id, date: "2026-12-01", time: "09:00" }],
      [setTicketPriority as never, { id, priority: "critical" }],
      [deleteTicket as never, { id }],
    ];
    for (const [operation, input] of changes) {
      const before = await ticketRow(id);
      const eventsBefore = await events(id);
      await whileInsertsFail("ticket_events", () => fails(operation, input));
      expect(await ticketRow(id), operation.permission).toEqual(before);
      expect(await events(id), operation.permission).toBe(eventsBefore);

      await run(operation, input);
      expect(await ticketRow(id), operation.permission).not.toEqual(before);
      expect(await events(id), operation.permission).toBe(eventsBefore + 1);
    }
  });

  it("a new ticket with its photo is not created at all when its events cannot be written", async () => {
    const tickets = await count("SELECT COUNT(*) AS n FROM tickets");
    const media = await count("SELECT COUNT(*) AS n FROM media");
    const objects = await objectCount();
    const input = { title: "Capteur HS", machineId, photos: [jpeg()] };
    await whileInsertsFail("ticket_events", () => fails(createTicket as never, input, "operator"));
    expect(await count("SELECT COUNT(*) AS n FROM tickets")).toBe(tickets);
    expect(await count("SELECT COUNT(*) AS n FROM media")).toBe(media);
    expect(await objectCount()).toBe(objects);

    const { id } = (await run(createTicket as never, input, "operator")) as { id: number };
    expect(await count("SELECT COUNT(*) AS n FROM media WHERE ticket_id = ?", id)).toBe(1);
    const written = await rows("SELECT type, to_value FROM ticket_events WHERE ticket_id = ? ORDER BY id", id);
    expect(written.map((e) => e.type)).toEqual(["created", "media_added"]);
    expect(written[0]!.to_value).toMatch(/^TKT-M\d{3}-\d{8}-\d{3}$/);
    expect(await objectCount()).toBe(objects + 1);
  });

  it("a ticket moved meanwhile is refused as before, with no event", async () => {
    const { id } = await newTicket();
    await run(moveTicket as never, { id, from: "received", to: "in_progress" });
    const eventsBefore = await events(id);
    const result = await perform(moveTicket, { id, from: "received", to: "completed" }, as("admin"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe("movedMeanwhile");
    expect((await ticketRow(id))!.status).toBe("in_progress");
    expect(await events(id)).toBe(eventsBefore);
  });
});

describe("comments and media with their timeline event", () => {
  it("a comment is added, edited and deleted only together with its event", async () => {
    const { id: ticketId } = await newTicket();
    const comments = () => rows("SELECT id, content, deleted_at FROM ticket_comments WHERE ticket_id = ?", ticketId);

    await whileInsertsFail("ticket_events", () => fails(addComment as never, { ticketId, content: "Pièce commandée" }, "technician"));
    expect(await comments()).toEqual([]);
    expect(await events(ticketId)).toBe(1);
    const { id } = (await run(addComment as never, { ticketId, content: "Pièce commandée" }, "technician")) as { id: number };
    expect(await events(ticketId)).toBe(2);
    expect((await rows("SELECT to_value FROM ticket_events WHERE ticket_id = ? AND type = 'comment'", ticketId))[0]!.to_value).toBe(String(id));

    const written = await comments();
    await whileInsertsFail("ticket_events", () => fails(editComment as never, { id, content: "Pièce reçue" }, "technician"));
    await whileInsertsFail("ticket_events", () => fails(deleteComment as never, { id }, "technician"));
    expect(await comments()).toEqual(written);
    expect(await events(ticketId)).toBe(2);

    await run(editComment as never, { id, content: "Pièce reçue" }, "technician");
    await run(deleteComment as never, { id }, "technician");
    expect((await comments())[0]).toMatchObject({ content: "Pièce reçue", deleted_at: expect.any(String) });
    expect(await events(ticketId)).toBe(4);
  });

  it("a photo is added and removed only together with its event", async () => {
    const { id: ticketId } = await newTicket();
    const media = () => rows("SELECT id, file_key FROM media WHERE ticket_id = ?", ticketId);
    const objects = await objectCount();

    await whileInsertsFail("ticket_events", () => fails(addMedia as never, { ticketId, files: [jpeg()] }, "technician"));
    expect(await media()).toEqual([]);
    expect(await objectCount()).toBe(objects);
    await run(addMedia as never, { ticketId, files: [jpeg()] }, "technician");
    const [photo] = await media();
    expect(await events(ticketId)).toBe(2);

    await whileInsertsFail("ticket_events", () => fails(deleteMedia as never, { id: photo!.id }, "technician"));
    expect(await media()).toEqual([photo]);
    expect(await t.media.head(String(photo!.file_key))).not.toBeNull();
    await run(deleteMedia as never, { id: photo!.id }, "technician");
    expect(await media()).toEqual([]);
    expect(await t.media.head(String(photo!.file_key))).toBeNull();
    expect(await events(ticketId)).toBe(3);
  });
});

describe("an administrative change and its audit entry", () => {
  const audits = () => count("SELECT COUNT(*) AS n FROM audit_logs");

  it("machines, accounts and settings change only together with their audit entry", async () => {
    const machines = () => rows("SELECT * FROM machines ORDER BY id");
    const users = () => rows("SELECT * FROM users ORDER BY id");
    const settings = () => rows("SELECT * FROM settings ORDER BY key");
    const state = async () => ({ machines: await machines(), users: await users(), settings: await settings(), audits: await audits() });

    const machine = (await run(createMachine as never, { machineType: "Tour", serialNumber: "SN-ATOM-1" })) as { id: number };
    const user = (await run(createUser as never, { name: "Nadia Atome", email: "nadia.atome@usine.test", role: "technician", password: "Longue phrase de passe 42" })) as { id: number };
    const steps: [Operation<never, unknown>, Record<string, unknown>][] = [
      [createMachine as never, { machineType: "Fraiseuse", serialNumber: "SN-ATOM-2" }],
      [updateMachine as never, { id: machine.id, machineType: "Tour CNC", serialNumber: "SN-ATOM-1" }],
      [setMachineStatus as never, { id: machine.id, status: "maintenance" }],
      [deleteMachine as never, { id: machine.id }],
      [createUser as never, { name: "Marc Atome", email: "marc.atome@usine.test", role: "operator", password: "Longue phrase de passe 43" }],
      [updateUser as never, { id: user.id, name: "Nadia Atome", email: "nadia.atome@usine.test", role: "supervisor" }],
      [resetUserPassword as never, { id: user.id, password: "Autre phrase de passe 44" }],
      [setUserActive as never, { id: user.id, active: false }],
      [updateSettings as never, { companyName: "Usine Atome", timeZone: "America/Toronto", defaultLocale: "fr", ticketPrefix: "ATM" }],
    ];
    for (const [operation, input] of steps) {
      const before = await state();
      await whileInsertsFail("audit_logs", () => fails(operation, input));
      expect(await state(), operation.permission).toEqual(before);

      await run(operation, input);
      expect(await audits(), operation.permission).toBeGreaterThan(before.audits);
    }
    expect((await rows("SELECT entity_id FROM audit_logs WHERE action = 'machine.created' ORDER BY id DESC LIMIT 1"))[0]!.entity_id).toMatch(/^\d+$/);
  });
});

describe("a webhook attempt and its notification", () => {
  it("are recorded together: when either write fails, neither is there", async () => {
    const fixtures = await createFixtures(t.db);
    const ticket = await t.db.ticket.create({
      data: { ticketId: "TKT-ATOM-1", title: "En retard", machineId: fixtures.machine.id, reportedBy: fixtures.reporter.id },
    });
    const notification = await t.db.webhookNotification.create({
      data: { ticketId: ticket.id, webhookUrl: "https://hooks.example/x", webhookId: "msg_atomic", deliveryStatus: "sending", claimToken: "run-1" },
    });
    const attempt = {
      notificationId: notification.id,
      token: "run-1",
      attemptNumber: 1,
      payload: "{}",
      startedAt: new Date("2026-11-23T15:00:00Z"),
      result: { ok: true, status: 200, body: "ok", error: null, durationMs: 12 },
      trigger: "cron" as const,
    };
    const state = async () => ({
      notification: (await rows("SELECT * FROM webhook_notifications WHERE id = ?", notification.id))[0],
      attempts: await count("SELECT COUNT(*) AS n FROM webhook_attempts WHERE notification_id = ?", notification.id),
    });
    const before = await state();
    // Either write failing leaves both as they were: the attempt log, or the notification's update after it.
    await whileInsertsFail("webhook_attempts", () => expect(recordAttempt(t.db, attempt)).rejects.toThrow(/boom/));
    expect(await state()).toEqual(before);
    await whileInsertsFail("webhook_notifications", () => expect(recordAttempt(t.db, attempt)).rejects.toThrow(/boom/), "UPDATE");
    expect(await state()).toEqual(before);

    expect(await recordAttempt(t.db, attempt)).toBe("sent");
    const after = await state();
    expect(after.attempts).toBe(1);
    expect(after.notification).toMatchObject({ delivery_status: "sent", attempts: 1, claim_token: null, sent_at: expect.any(String) });
  });
});
