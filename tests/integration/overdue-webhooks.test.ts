import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runScheduledJobs } from "@/cron";
import { sendOverdueWebhooks, type SweepOptions } from "@/lib/webhooks/sweep";
import { ABANDONED_ERROR } from "@/cron/record-run";
import { writeSettings } from "@/lib/settings/settings";
import { TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { parseWebhookSettings, resolveWebhookConfig, WEBHOOK_KEY_PREFIX, type WebhookSettings } from "@/lib/webhooks/config";
import { createTestDatabase, type TestDatabase } from "./helpers/local-d1";
import { startReceiver, type Responder } from "./helpers/receiver";
import { createFixtures, createTicket } from "./helpers/tickets";

let t: TestDatabase;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let fixtures: Awaited<ReturnType<typeof createFixtures>>;

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const t0 = new Date("2026-11-23T15:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const APP_URL = "https://atelier.example.com";

function config(overrides: Partial<WebhookSettings> = {}, env: Record<string, string> = { WEBHOOK_ALLOW_PRIVATE: "1" }, appUrl = APP_URL) {
  const settings = { ...parseWebhookSettings([]), url: receiver.url, pauseMs: 0, ...overrides };
  return resolveWebhookConfig(settings, env, appUrl);
}

async function sweep(now: Date, options: Partial<SweepOptions> = {}) {
  const lines: string[] = [];
  const counts = await sendOverdueWebhooks(t.db, {
    now,
    config: config(),
    timeZone: "America/Toronto",
    log: (line) => lines.push(line),
    // Time is driven by hand here: a run's own seconds must not push an attempt
    // (and so its retry) past the next sweep the test places 5 minutes later.
    elapsedMs: () => 0,
    ...options,
  });
  return { ...counts, lines };
}

const deliveredTitles = () => receiver.requests.map((r) => r.json.title);

async function useReceiver(respond?: Responder) {
  await receiver?.close();
  receiver = await startReceiver(respond);
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});
beforeEach(async () => {
  // Each test starts from no tickets and no notifications.
  await t.db.webhookAttempt.deleteMany();
  await t.db.webhookNotification.deleteMany();
  await t.db.ticket.deleteMany();
  fixtures = await createFixtures(t.db);
  await useReceiver();
});
afterEach(async () => {
  await receiver.close();
});

describe("which tickets alert", () => {
  it("only assigned tickets past their date, still received or in diagnostic, and not deleted", async () => {
    const past = at(-2 * HOUR);
    await createTicket(t.db, fixtures, { title: "personne", scheduledDate: past });
    await createTicket(t.db, fixtures, { title: "équipe", scheduledDate: past, assignedTo: TEAM_ASSIGNEE });
    await createTicket(t.db, fixtures, { title: "diagnostic", scheduledDate: past, status: "diagnostic" });
    await createTicket(t.db, fixtures, { title: "futur", scheduledDate: at(2 * HOUR) });
    await createTicket(t.db, fixtures, { title: "non planifié", scheduledDate: null });
    await createTicket(t.db, fixtures, { title: "non assigné", scheduledDate: past, assignedTo: null });
    await createTicket(t.db, fixtures, { title: "supprimé", scheduledDate: past, deletedAt: at(-HOUR) });
    for (const status of ["in_progress", "waiting_parts", "completed", "archived"]) {
      await createTicket(t.db, fixtures, { title: status, scheduledDate: past, status });
    }

    const run = await sweep(t0);

    expect(deliveredTitles().sort()).toEqual(["diagnostic", "personne", "équipe"]);
    expect(run).toMatchObject({ found: 3, sent: 3, failed: 0, skipped: 0 });
    expect(receiver.requests.find((r) => r.json.title === "équipe")!.json.assigned_to).toBe("Toute l’équipe");
  });
});

describe("the 24 h window", () => {
  it("sends once, stays quiet for 24 h while the ticket stays overdue, then sends again with a new id", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    await sweep(t0);
    await sweep(at(5 * MINUTE));
    await sweep(at(23 * HOUR + 59 * MINUTE));
    expect(receiver.requests).toHaveLength(1);

    await sweep(at(24 * HOUR + 5 * MINUTE));
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.headers["webhook-id"]).not.toBe(receiver.requests[0]!.headers["webhook-id"]);
  });

  it("follows the window setting", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    await sweep(t0, { config: config({ windowHours: 2 }) });
    await sweep(at(HOUR), { config: config({ windowHours: 2 }) });
    await sweep(at(2 * HOUR + MINUTE), { config: config({ windowHours: 2 }) });
    expect(receiver.requests).toHaveLength(2);
  });

  it("stops when the ticket is rescheduled into the future", async () => {
    const ticket = await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    await sweep(t0);
    await t.db.ticket.update({ where: { id: ticket.id }, data: { scheduledDate: at(48 * HOUR) } });
    await sweep(at(25 * HOUR));
    expect(receiver.requests).toHaveLength(1);
  });

  it("stops when the ticket moves on from received/diagnostic, pending retries included", async () => {
    await useReceiver(() => 500);
    const ticket = await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    await sweep(t0);
    await t.db.ticket.update({ where: { id: ticket.id }, data: { status: "in_progress" } });
    await sweep(at(10 * MINUTE));
    await sweep(at(25 * HOUR));
    expect(receiver.requests).toHaveLength(1);
    const notification = await t.db.webhookNotification.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(notification.deliveryStatus).toBe("cancelled");
  });
});

describe("delivery you can trust", () => {
  it("retries a failing receiver with the same webhook-id, then stays quiet for 24 h", async () => {
    await useReceiver((_req, i) => (i < 2 ? 500 : 200));
    const ticket = await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });

    const first = await sweep(t0);
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    await sweep(at(2 * MINUTE)); // retry not due yet (5 min)
    expect(receiver.requests).toHaveLength(1);
    await sweep(at(5 * MINUTE));
    await sweep(at(20 * MINUTE)); // 15 min after the second failure
    expect(receiver.requests).toHaveLength(3);
    const ids = new Set(receiver.requests.map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1);

    for (const later of [HOUR, 6 * HOUR, 23 * HOUR]) await sweep(at(later));
    expect(receiver.requests).toHaveLength(3);

    const notification = await t.db.webhookNotification.findFirstOrThrow({
      where: { ticketId: ticket.id },
      include: { attemptsLog: { orderBy: { attemptNumber: "asc" } } },
    });
    expect(notification).toMatchObject({ deliveryStatus: "sent", attempts: 3, responseStatus: 200 });
    expect(notification.sentAt?.getTime()).toBeGreaterThanOrEqual(at(20 * MINUTE).getTime());
    expect(notification.attemptsLog.map((a) => [a.attemptNumber, a.responseStatus, a.error])).toEqual([
      [1, 500, "HTTP 500"],
      [2, 500, "HTTP 500"],
      [3, 200, null],
    ]);
    expect(notification.attemptsLog[0]!.responseBody).toContain('"status":500');
  });

  it("gives up after 8 attempts and does not start over within the window", async () => {
    await useReceiver(() => 503);
    const ticket = await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    for (let i = 0; i < 12; i++) await sweep(at(i * 6 * HOUR + i * MINUTE));
    const notifications = await t.db.webhookNotification.findMany({ where: { ticketId: ticket.id } });
    // 8 attempts over ~19 h, then a fresh notification only once the window has passed.
    expect(notifications[0]).toMatchObject({ deliveryStatus: "failed", attempts: 8 });
    const total = notifications.reduce((n, x) => n + x.attempts, 0);
    expect(receiver.requests).toHaveLength(total);
    expect(notifications.length).toBeLessThanOrEqual(2);
  });

  it("times out a hanging receiver without stalling the rest of the run", async () => {
    await useReceiver((req) => (req.json.title === "lent" ? "hang" : 200));
    await createTicket(t.db, fixtures, { title: "lent", scheduledDate: at(-3 * HOUR) });
    await createTicket(t.db, fixtures, { title: "rapide 1", scheduledDate: at(-2 * HOUR) });
    await createTicket(t.db, fixtures, { title: "rapide 2", scheduledDate: at(-HOUR) });

    const run = await sweep(t0, { timeoutMs: 500 });

    expect(run).toMatchObject({ sent: 2, failed: 1 });
    expect(deliveredTitles()).toEqual(["lent", "rapide 1", "rapide 2"]);
    const attempt = await t.db.webhookAttempt.findFirstOrThrow({ where: { responseStatus: null } });
    expect(attempt.error).toBe("délai dépassé (1 s)");
  });

  it("counts a redirect as a failure and does not follow it", async () => {
    await useReceiver(() => 302);
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    const run = await sweep(t0);
    expect(run).toMatchObject({ sent: 0, failed: 1 });
    expect(receiver.requests).toHaveLength(1);
  });

  it("signs with the Standard Webhooks algorithm when a secret is set", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR), title: "signé" });
    await sweep(t0, { config: config({ secret: SECRET }) });
    const [request] = receiver.requests;
    const id = request!.headers["webhook-id"] as string;
    const timestamp = request!.headers["webhook-timestamp"] as string;
    const expected = createHmac("sha256", Buffer.from(SECRET.slice(6), "base64"))
      .update(`${id}.${timestamp}.${request!.body}`)
      .digest("base64");
    expect(request!.headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(request!.json).toMatchObject({ event: "ticket.overdue", title: "signé", status: "received" });
  });

  it("sends unsigned when no secret is set", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    await sweep(t0);
    expect(receiver.requests[0]!.headers["webhook-signature"]).toBeUndefined();
    expect(receiver.requests[0]!.headers["webhook-id"]).toBeDefined();
  });
});

describe("bounds and switches", () => {
  it("sends at most max-per-run, oldest overdue first, and the rest on the next run", async () => {
    for (let i = 5; i >= 1; i--) await createTicket(t.db, fixtures, { title: `-${i}h`, scheduledDate: at(-i * HOUR) });
    const first = await sweep(t0, { config: config({ maxPerRun: 2 }) });
    expect(deliveredTitles()).toEqual(["-5h", "-4h"]);
    expect(first).toMatchObject({ found: 5, sent: 2, skipped: 3 });
    await sweep(at(5 * MINUTE), { config: config({ maxPerRun: 2 }) });
    expect(deliveredTitles()).toEqual(["-5h", "-4h", "-3h", "-2h"]);
  });

  it("pauses between sends, not before the first or after the last", async () => {
    for (let i = 0; i < 3; i++) await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    const pauses: number[] = [];
    await sweep(t0, { config: config({ pauseMs: 200 }), sleep: async (ms) => void pauses.push(ms) });
    expect(pauses).toEqual([200, 200]);
  });

  it("sends nothing while switched off, and catches up once switched back on", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    const off = await sweep(t0, { config: config({ enabled: false }) });
    expect(off).toMatchObject({ found: 1, sent: 0, skipped: 1 });
    expect(receiver.requests).toHaveLength(0);
    expect(await t.db.webhookNotification.count()).toBe(0);
    await sweep(at(5 * MINUTE));
    expect(receiver.requests).toHaveLength(1);
  });

  it("records nothing as sent without a URL, says so, and notifies once a URL is saved", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    const none = await sweep(t0, { config: config({ url: "" }) });
    expect(none.lines).toContain("⚠️ CRON: aucune URL de webhook configurée : aucune notification envoyée");
    expect(await t.db.webhookNotification.count()).toBe(0);
    await sweep(at(5 * MINUTE));
    expect(receiver.requests).toHaveLength(1);
  });

  it("refuses a private address outside local and test runs", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    await expect(sweep(t0, { config: config({}, {}) })).rejects.toThrow(/URL de webhook refusée \(private\)/);
    expect(receiver.requests).toHaveLength(0);
  });

  it("prefers the environment's URL and secret over the admin page's", async () => {
    const env = await startReceiver();
    try {
      await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
      await sweep(t0, { config: config({}, { WEBHOOK_ALLOW_PRIVATE: "1", WEBHOOK_URL: env.url, WEBHOOK_SECRET: SECRET }) });
      expect(receiver.requests).toHaveLength(0);
      expect(env.requests).toHaveLength(1);
      expect(env.requests[0]!.headers["webhook-signature"]).toMatch(/^v1,/);
    } finally {
      await env.close();
    }
  });
});

describe("overlapping runs", () => {
  it("five concurrent runs over 200 overdue tickets deliver exactly 200 webhooks, one per ticket", async () => {
    for (let i = 0; i < 200; i++) await createTicket(t.db, fixtures, { title: `T${i}`, scheduledDate: at(-HOUR - i * MINUTE) });
    const runs = await Promise.all(Array.from({ length: 5 }, () => sweep(t0)));
    // First, so that a failure names its deliveries' own errors rather than only a count.
    expect(runs.flatMap((r) => r.lines).filter((line) => line.startsWith("❌"))).toEqual([]);
    expect(receiver.requests).toHaveLength(200);
    expect(new Set(deliveredTitles()).size).toBe(200);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(200);
    expect(await t.db.webhookNotification.count({ where: { deliveryStatus: "sent" } })).toBe(200);
  });
});

describe("the ticket link", () => {
  it("is never localhost in a deployment: without a public address nothing is sent, and the run says why", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    const deployment = { WEBHOOK_ALLOW_PRIVATE: "1" };
    await expect(sweep(t0, { config: config({}, deployment, "") })).rejects.toThrow(/adresse publique d’Atelier inconnue/);
    expect(receiver.requests).toHaveLength(0);
    expect(await t.db.webhookNotification.count()).toBe(0);

    await sweep(at(5 * MINUTE), { config: config({}, { ...deployment, APP_URL: "https://atelier.usine.ca/" }, "") });
    expect(receiver.requests[0]!.json.ticket_url).toMatch(/^https:\/\/atelier\.usine\.ca\/tickets\//);
  });

  it("points at the local server in a local run only", async () => {
    await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR) });
    await sweep(t0, { config: config({}, { WEBHOOK_ALLOW_PRIVATE: "1", APP_ENV: "local" }, "") });
    expect(receiver.requests[0]!.json.ticket_url).toMatch(/^http:\/\/localhost:8787\/tickets\//);
  });
});

describe("runs near the platform's limits", () => {
  it("a run slower than its lease allows stops, gives back what it claimed, and the next run sends each once", async () => {
    for (let i = 5; i >= 1; i--) await createTicket(t.db, fixtures, { title: `-${i}h`, scheduledDate: at(-i * HOUR) });
    // The first delivery takes ten minutes of wall time: all the lease allowed for the batch.
    let elapsed = 0;
    await useReceiver(() => ((elapsed += 10 * MINUTE), 200));
    const first = await sweep(t0, { elapsedMs: () => elapsed, token: "slow-run" });
    expect(first).toMatchObject({ found: 5, sent: 1, skipped: 4 });
    expect(first.lines).toContain("⏳ CRON: 4 envoi(s) rendu(s) pour la prochaine vérification");
    const given = await t.db.webhookNotification.findMany({ where: { deliveryStatus: "pending" } });
    expect(given).toHaveLength(4);
    expect(given.every((n) => n.claimToken === null && n.claimedUntil === null && n.attempts === 0)).toBe(true);

    // Given back at the time the run stopped (ten minutes in), due for the next run.
    await sweep(at(15 * MINUTE));
    expect(deliveredTitles()).toEqual(["-5h", "-4h", "-3h", "-2h", "-1h"]);
    expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"])).size).toBe(5);
    expect(await t.db.webhookNotification.count({ where: { deliveryStatus: "sent" } })).toBe(5);
  });

  it("a run stops claiming once its budget cannot cover one more send at its worst", async () => {
    for (let i = 5; i >= 1; i--) await createTicket(t.db, fixtures, { title: `-${i}h`, scheduledDate: at(-i * HOUR) });
    let elapsed = 0;
    await useReceiver(() => ((elapsed += 10_000), 200));
    // 30 s of budget, 12 s per send at worst (10 s timeout, no pause): two sends, then no more claims.
    const run = await sweep(t0, { elapsedMs: () => elapsed, budgetMs: 30_000, timeoutMs: 10_000 });
    expect(run).toMatchObject({ found: 5, sent: 2, skipped: 3 });
    expect(run.lines).toContain("⏳ CRON: limite de durée d’exécution proche : le reste part à la prochaine vérification");
    expect(await t.db.webhookNotification.count({ where: { deliveryStatus: "sending" } })).toBe(0);
  });

  it("a lease always outlives the sends it covers, at the settings' limits (5,000 per run, 5 s pause, 10 s timeout)", async () => {
    for (let i = 0; i < 80; i++) await createTicket(t.db, fixtures, { scheduledDate: at(-HOUR - i * MINUTE) });
    // Before each send: every claim still held must be leased past the moment its
    // send could end, were each send before it to take its full 10 s + 5 s.
    const shortfalls: number[] = [];
    const sleep = async () => {
      const held = await t.db.webhookNotification.findMany({ where: { deliveryStatus: "sending" }, orderBy: { id: "asc" } });
      held.forEach((n, i) => shortfalls.push((i + 1) * 15_000 - (n.claimedUntil!.getTime() - t0.getTime())));
    };
    await sweep(t0, { config: config({ maxPerRun: 5000, pauseMs: 5000 }), sleep, elapsedMs: () => 0, timeoutMs: 10_000 });
    expect(receiver.requests).toHaveLength(80);
    expect(Math.max(...shortfalls)).toBeLessThanOrEqual(0);
  });

  it("a run interrupted after two sends gives back the rest and closes its cron_runs row", async () => {
    for (let i = 5; i >= 1; i--) await createTicket(t.db, fixtures, { title: `-${i}h`, scheduledDate: at(-i * HOUR) });
    const settings = { url: receiver.url, pauseMs: 0 };
    await writeSettings(t.db, settings, { actorId: fixtures.technician.id, now: t0, prefix: WEBHOOK_KEY_PREFIX, audit: [] });
    await writeSettings(t.db, { appUrl: APP_URL }, { actorId: fixtures.technician.id, now: t0, audit: [] });
    // D1 refuses the third attempt's record, as a failing write would stop a run half-way.
    await t.d1
      .prepare(
        `CREATE TRIGGER fail_third_attempt BEFORE INSERT ON webhook_attempts
         WHEN (SELECT COUNT(*) FROM webhook_attempts) >= 2 BEGIN SELECT RAISE(ABORT, 'disque plein'); END`,
      )
      .run();
    const env = { WEBHOOK_ALLOW_PRIVATE: "1" };
    try {
      const run = await runScheduledJobs(t.db, { cron: "*/5 * * * *", now: t0, env, log: () => {} });
      expect(run.outcome).toBe("error");
      const row = await t.db.cronRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(row).toMatchObject({ outcome: "error", error: expect.stringContaining("disque plein") });
      expect(row.finishedAt).not.toBeNull();
      expect(await t.db.webhookNotification.count({ where: { deliveryStatus: "sending" } })).toBe(0);
      expect(await t.db.webhookNotification.count({ where: { deliveryStatus: "sent" } })).toBe(2);
      // The third reached the receiver but was not recorded: due again, with its webhook-id.
      expect(await t.db.webhookNotification.count({ where: { deliveryStatus: "pending", claimToken: null } })).toBe(3);

      await t.d1.prepare("DROP TRIGGER fail_third_attempt").run();
      await runScheduledJobs(t.db, { cron: "*/5 * * * *", now: at(5 * MINUTE), env, log: () => {} });
      expect(await t.db.webhookNotification.count({ where: { deliveryStatus: "sent" } })).toBe(5);
      expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"])).size).toBe(5);
    } finally {
      await t.d1.prepare("DROP TRIGGER IF EXISTS fail_third_attempt").run();
      await t.db.setting.deleteMany({ where: { key: { startsWith: WEBHOOK_KEY_PREFIX } } });
      await t.db.cronRun.deleteMany();
    }
  });

  it("a run the platform stopped (left running) is closed as interrupted by the next run", async () => {
    const dead = await t.db.cronRun.create({ data: { job: "overdue-webhooks", cron: "*/5 * * * *", startedAt: at(-HOUR), outcome: "running" } });
    const recent = await t.db.cronRun.create({ data: { job: "overdue-webhooks", cron: "*/5 * * * *", startedAt: at(-MINUTE), outcome: "running" } });
    await runScheduledJobs(t.db, { cron: "*/5 * * * *", now: t0, env: {}, log: () => {} });
    expect(await t.db.cronRun.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ outcome: "error", error: ABANDONED_ERROR, finishedAt: t0 });
    // A run that may still be going is left alone.
    expect(await t.db.cronRun.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({ outcome: "running", finishedAt: null });
    await t.db.cronRun.deleteMany();
  });
});
