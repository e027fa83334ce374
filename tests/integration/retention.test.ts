import { beforeAll, describe, expect, it } from "vitest";
import { runScheduledJobs } from "@/cron";
import { purgeExpired } from "@/lib/retention/purge";
import { sqlDate } from "@/lib/db/sql";
import { perform } from "@/lib/operation";
import { getRetentionSettings, RETENTION_JOB, updateRetentionSettings } from "@/lib/retention/settings";
import { contextFor, createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { createFixtures, createTicket } from "./helpers/tickets";

const t = freshDatabase();
let cast: Cast;

const now = new Date("2026-11-23T10:05:00Z");
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

beforeAll(async () => {
  cast = await createCast(t.db, "retention");
});

async function count(table: string) {
  return Number((await t.d1.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())!.n);
}

/** `n` rows of each kind at `at`, in one statement per table. */
async function seedRows(n: number, at: Date) {
  const stamp = sqlDate(at);
  const each = JSON.stringify(Array.from({ length: n }, (_, i) => i));
  await t.d1.batch([
    t.d1.prepare(`INSERT INTO sign_in_attempts (email, ip, succeeded, created_at) SELECT 'x@usine.test', '10.0.0.1', 0, ?1 FROM json_each(?2)`).bind(stamp, each),
    t.d1.prepare(`INSERT INTO cron_runs (job, started_at, outcome) SELECT 'overdue-webhooks', ?1, 'success' FROM json_each(?2)`).bind(stamp, each),
    t.d1.prepare(`INSERT INTO audit_logs (action, entity_type, created_at) SELECT 'user.created', 'user', ?1 FROM json_each(?2)`).bind(stamp, each),
  ]);
}

describe("retention", () => {
  it("removes rows past their window, keeps recent ones, at most the bound per run", async () => {
    const settings = await getRetentionSettings(t.db);
    expect(settings).toEqual({ signInAttemptsDays: 30, cronRunsDays: 90, webhookDays: 180, auditDays: 1095, deletedMediaDays: 30, notificationsDays: 90 });
    await seedRows(7, daysAgo(1200)); // past every window
    await seedRows(3, daysAgo(31)); // past the sign-in window only
    await seedRows(2, daysAgo(1)); // recent
    const fixtures = await createFixtures(t.db);
    const ticket = await createTicket(t.db, fixtures);
    const old = await t.db.webhookNotification.create({
      data: { ticketId: ticket.id, webhookUrl: "https://hooks.example/a", webhookId: "msg_old", deliveryStatus: "sent", payload: "{}", responseBody: "ok", updatedAt: daysAgo(181) },
    });
    const recent = await t.db.webhookNotification.create({
      data: { ticketId: ticket.id, webhookUrl: "https://hooks.example/a", webhookId: "msg_new", deliveryStatus: "sent", payload: "{}", updatedAt: daysAgo(10) },
    });
    for (const [id, at] of [[old.id, daysAgo(181)], [recent.id, daysAgo(10)]] as const) {
      await t.db.webhookAttempt.create({ data: { notificationId: id, attemptNumber: 1, startedAt: at, durationMs: 5 } });
    }
    // updated_at is Prisma's @updatedAt: set the old one's by hand.
    await t.d1.prepare("UPDATE webhook_notifications SET updated_at = ?1 WHERE id = ?2").bind(sqlDate(daysAgo(181)), old.id).run();

    const first = await purgeExpired(t.db, { now, settings, media: t.media, rowLimit: 5 });
    expect(first).toMatchObject({ signInAttempts: 5, cronRuns: 5, auditLogs: 5, webhookAttempts: 1, webhookPayloads: 1 });
    const second = await purgeExpired(t.db, { now, settings, media: t.media, rowLimit: 5 });
    expect(second).toMatchObject({ signInAttempts: 5, cronRuns: 2, auditLogs: 2, webhookAttempts: 0, webhookPayloads: 0 });

    expect(await count("sign_in_attempts")).toBe(2);
    expect(await count("cron_runs")).toBe(5);
    expect(await count("audit_logs")).toBe(5);
    expect(await count("webhook_attempts")).toBe(1);
    const notifications = await t.db.webhookNotification.findMany({ orderBy: { id: "asc" }, select: { payload: true, responseBody: true } });
    expect(notifications).toEqual([
      { payload: null, responseBody: null },
      { payload: "{}", responseBody: null },
    ]);
  });

  it("removes the photos of a ticket deleted 31 days ago, from R2 and the media table, and keeps those of one deleted yesterday", async () => {
    const fixtures = await createFixtures(t.db);
    const longGone = await createTicket(t.db, fixtures, { deletedAt: daysAgo(31) });
    const justGone = await createTicket(t.db, fixtures, { deletedAt: daysAgo(1) });
    const alive = await createTicket(t.db, fixtures);
    const keys: Record<string, number> = { "tickets/old-1.jpg": longGone.id, "tickets/old-2.jpg": longGone.id, "tickets/yesterday.jpg": justGone.id, "tickets/alive.jpg": alive.id };
    for (const [fileKey, ticketId] of Object.entries(keys)) {
      await t.media.put(fileKey, new Uint8Array([0xff, 0xd8, 0xff]));
      await t.db.media.create({ data: { ticketId, fileKey, fileName: fileKey, fileType: "image/jpeg", fileSize: 3, uploadedBy: fixtures.reporter.id } });
    }
    const settings = await getRetentionSettings(t.db);
    expect((await purgeExpired(t.db, { now, settings, media: t.media, objectLimit: 1 })).deletedTicketMedia).toBe(1);
    expect((await purgeExpired(t.db, { now, settings, media: t.media, objectLimit: 1 })).deletedTicketMedia).toBe(1);
    expect((await purgeExpired(t.db, { now, settings, media: t.media, objectLimit: 1 })).deletedTicketMedia).toBe(0);

    const objects = (await t.media.list({ prefix: "tickets/" })).objects.map((o) => o.key).sort();
    expect(objects).toEqual(["tickets/alive.jpg", "tickets/yesterday.jpg"]);
    const rows = (await t.db.media.findMany({ select: { fileKey: true } })).map((m) => m.fileKey).sort();
    expect(rows).toEqual(["tickets/alive.jpg", "tickets/yesterday.jpg"]);
  });

  it("forgets a notification 90 days after it was read, or a year after it was written if never read, with its pushes' outcomes", async () => {
    const settings = await getRetentionSettings(t.db);
    const recipient = cast.technician.id;
    const notification = async (label: string, createdAt: Date, readAt: Date | null) => {
      const row = await t.db.notification.create({ data: { recipientId: recipient, kind: "assigned", createdAt, readAt } });
      await t.db.notificationPush.create({ data: { notificationId: row.id, status: "sent", attempts: 1, updatedAt: createdAt } });
      return [label, row.id] as const;
    };
    const rows = Object.fromEntries([
      await notification("read 91 days ago", daysAgo(95), daysAgo(91)),
      await notification("read 89 days ago", daysAgo(95), daysAgo(89)),
      await notification("written 400 days ago, read yesterday", daysAgo(400), daysAgo(1)),
      await notification("unread for 366 days", daysAgo(366), null),
      await notification("unread for 200 days", daysAgo(200), null),
    ]);

    const purged = await purgeExpired(t.db, { now, settings, media: t.media, rowLimit: 1 });
    expect(purged.notifications).toBe(1);
    expect((await purgeExpired(t.db, { now, settings, media: t.media })).notifications).toBe(1);
    expect((await purgeExpired(t.db, { now, settings, media: t.media })).notifications).toBe(0);

    const left = (await t.db.notification.findMany({ where: { recipientId: recipient }, select: { id: true } })).map((n) => n.id);
    expect(left.sort()).toEqual([rows["read 89 days ago"], rows["written 400 days ago, read yesterday"], rows["unread for 200 days"]].sort());
    const pushes = (await t.db.notificationPush.findMany({ where: { notificationId: { in: Object.values(rows) } } })).map((p) => p.notificationId);
    expect(pushes.sort()).toEqual(left.sort());
  });

  it("runs with the scheduled check and records what it removed", async () => {
    await seedRows(2, daysAgo(1200));
    const run = await runScheduledJobs(t.db, { cron: "*/5 * * * *", now, env: {}, media: t.media, log: () => {} });
    expect(run.outcome).toBe("success");
    const purge = await t.db.cronRun.findFirstOrThrow({ where: { job: RETENTION_JOB }, orderBy: { id: "desc" } });
    expect(purge.outcome).toBe("success");
    expect(purge.found).toBeGreaterThanOrEqual(6);
    expect(JSON.parse(purge.detail!)).toMatchObject({ signInAttempts: 2, auditLogs: 2, deletedTicketMedia: 0, revokedSessions: 0 });

    // An admin's "check now" sends webhooks but purges nothing.
    await seedRows(1, daysAgo(1200));
    await runScheduledJobs(t.db, { cron: null, now, env: {}, media: t.media, log: () => {} });
    expect(await t.db.cronRun.count({ where: { job: RETENTION_JOB } })).toBe(1);
  });
});

describe("retention settings", () => {
  const input = { signInAttemptsDays: "30", cronRunsDays: "90", webhookDays: "180", auditDays: "1095", deletedMediaDays: "30", notificationsDays: "90" };

  it("refuse a value out of range, say which field, and keep every old value", async () => {
    const result = await perform(
      updateRetentionSettings,
      { ...input, signInAttemptsDays: "14", auditDays: "200", cronRunsDays: "abc" },
      contextFor(t.db, cast.admin),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors).toEqual({
      auditDays: "Au moins 365 jours (un an), au plus 36500.",
      cronRunsDays: "Un nombre entier de jours, de 1 à 3650.",
    });
    expect((await getRetentionSettings(t.db)).signInAttemptsDays).toBe(30);
  });

  it("are saved by an admin, audited, and refused to others", async () => {
    const audits = await t.db.auditLog.count({ where: { entityId: "retention" } });
    const result = await perform(updateRetentionSettings, { ...input, signInAttemptsDays: "14", auditDays: "" }, contextFor(t.db, cast.admin));
    expect(!result.ok && result.fieldErrors).toEqual({ auditDays: "Au moins 365 jours (un an), au plus 36500." });

    const saved = await perform(updateRetentionSettings, { ...input, signInAttemptsDays: "14", auditDays: "3650" }, contextFor(t.db, cast.admin));
    expect(saved).toMatchObject({ ok: true, data: ["signInAttemptsDays", "auditDays"] });
    expect(await getRetentionSettings(t.db)).toMatchObject({ signInAttemptsDays: 14, auditDays: 3650 });
    expect(await t.db.auditLog.count({ where: { entityId: "retention" } })).toBe(audits + 1);

    const refused = await perform(updateRetentionSettings, input, contextFor(t.db, cast.supervisor));
    expect(refused.ok).toBe(false);
  });
});
