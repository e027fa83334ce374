// What the admin "Notifications" page reads and changes.
import { z } from "zod";
import type { Db } from "../db";
import { recordAudit } from "../audit";
import { deliverWebhook } from "./delivery";
import { OVERDUE_JOB, recordAttempt } from "./notifications";
import { buildOverduePayload } from "./payload";
import { generateWebhookSecret, maskSecret } from "./signature";
import { getWebhookSettings, WEBHOOK_KEY_PREFIX, type WebhookConfig, type WebhookSettings } from "./settings";

export const deliveryStatuses = ["sent", "pending", "sending", "failed", "cancelled"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const PAGE_SIZE = 25;

export const deliveryFilterInput = z.object({
  ticket: z.string().trim().max(80).optional().catch(undefined),
  status: z.enum(deliveryStatuses).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type DeliveryFilter = z.infer<typeof deliveryFilterInput>;

/** `to` is a whole day: everything before the next midnight (UTC). */
function dayAfter(date: string): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 24 * 60 * 60 * 1000);
}

export async function listDeliveries(db: Db, filter: DeliveryFilter) {
  const page = filter.page ?? 1;
  const where = {
    ...(filter.status ? { deliveryStatus: filter.status } : {}),
    ...(filter.ticket
      ? { ticket: { OR: [{ ticketId: { contains: filter.ticket } }, { title: { contains: filter.ticket } }] } }
      : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: dayAfter(filter.to) } : {}),
          },
        }
      : {}),
  };
  const rows = await db.webhookNotification.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      deliveryStatus: true,
      attempts: true,
      responseStatus: true,
      lastError: true,
      ticket: { select: { id: true, ticketId: true, title: true } },
    },
  });
  return { rows: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE };
}

export async function getDelivery(db: Db, id: number) {
  return db.webhookNotification.findUnique({
    where: { id },
    include: {
      ticket: { select: { id: true, ticketId: true, title: true } },
      attemptsLog: { orderBy: { attemptNumber: "desc" } },
    },
  });
}

export async function listRecentRuns(db: Db, take = 10) {
  return db.cronRun.findMany({ where: { job: OVERDUE_JOB }, orderBy: { startedAt: "desc" }, take });
}

const FAILING_AFTER = 3;

/** The endpoint is failing when its last few attempts all failed. */
export async function endpointHealth(db: Db) {
  const recent = await db.webhookAttempt.findMany({
    orderBy: { id: "desc" },
    take: FAILING_AFTER,
    select: { error: true, responseStatus: true },
  });
  const failing = recent.length === FAILING_AFTER && recent.every((a) => a.error !== null);
  return { failing, count: FAILING_AFTER, lastError: recent[0]?.error ?? null };
}

export const webhookSettingsInput = z.object({
  enabled: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
  url: z.string().trim().max(2000),
  windowHours: z.coerce.number().int().min(1).max(168),
  maxPerRun: z.coerce.number().int().min(1).max(5000),
  pauseMs: z.coerce.number().int().min(0).max(5000),
  appUrl: z.string().trim().max(300),
});
export type WebhookSettingsInput = z.infer<typeof webhookSettingsInput>;

async function writeSettings(db: Db, actorId: number, values: Partial<WebhookSettings>) {
  for (const [key, value] of Object.entries(values)) {
    const data = { value: JSON.stringify(value), updatedBy: actorId };
    await db.setting.upsert({ where: { key: WEBHOOK_KEY_PREFIX + key }, create: { key: WEBHOOK_KEY_PREFIX + key, ...data }, update: data });
  }
}

/** The secret never reaches the audit log, only whether one is set. */
function auditable(settings: WebhookSettings) {
  const { secret, ...rest } = settings;
  return { ...rest, secret: secret ? maskSecret(secret) : null };
}

export async function saveWebhookSettings(db: Db, actorId: number, input: WebhookSettingsInput): Promise<void> {
  const before = await getWebhookSettings(db);
  await writeSettings(db, actorId, input);
  await recordAudit(db, {
    actorId,
    action: "webhook.settings_changed",
    entityType: "setting",
    entityId: "webhook",
    before: auditable(before),
    after: auditable({ ...before, ...input }),
  });
}

/** A new secret, stored and returned once; the caller shows it and forgets it. */
export async function rotateWebhookSecret(db: Db, actorId: number): Promise<string> {
  const before = await getWebhookSettings(db);
  const secret = generateWebhookSecret();
  await writeSettings(db, actorId, { secret });
  await recordAudit(db, {
    actorId,
    action: before.secret ? "webhook.secret_rotated" : "webhook.secret_created",
    entityType: "setting",
    entityId: "webhook.secret",
    before: { secret: before.secret ? maskSecret(before.secret) : null },
    after: { secret: maskSecret(secret) },
  });
  return secret;
}

export async function removeWebhookSecret(db: Db, actorId: number): Promise<void> {
  const before = await getWebhookSettings(db);
  await writeSettings(db, actorId, { secret: "" });
  await recordAudit(db, {
    actorId,
    action: "webhook.secret_removed",
    entityType: "setting",
    entityId: "webhook.secret",
    before: { secret: before.secret ? maskSecret(before.secret) : null },
    after: { secret: null },
  });
}

/** A sample alert, marked as a test so a receiver's workflow can filter it out. */
export async function sendTestWebhook(config: WebhookConfig, options: { now: Date; timeZone: string }) {
  const payload = buildOverduePayload(
    {
      id: 0,
      ticketId: "TEST-M000-00000000-000",
      title: "Webhook de test Atelier",
      description: "Ceci est un test envoyé depuis la page Notifications. Aucun ticket réel n’est en retard.",
      priority: "medium",
      status: "received",
      machineType: "Machine de test",
      machineModel: null,
      machineLocation: null,
      scheduledDate: new Date(options.now.getTime() - (2 * 24 * 60 + 9 * 60 + 26) * 60_000),
      createdAt: new Date(options.now.getTime() - 3 * 24 * 60 * 60_000),
      reporterName: "Atelier",
      assigneeName: null,
    },
    { now: options.now, timeZone: options.timeZone, appUrl: config.appUrl },
  );
  return deliverWebhook({
    url: config.url!,
    id: `msg_test_${crypto.randomUUID().replaceAll("-", "")}`,
    body: JSON.stringify({ ...payload, event: "ticket.test" }),
    secret: config.secret,
  });
}

/**
 * "Renvoyer": one more attempt now, with the same webhook-id and payload. Refused
 * while a run holds the notification, so the receiver never gets two at once.
 */
export async function resendNotification(db: Db, config: WebhookConfig, id: number, now: Date) {
  const notification = await db.webhookNotification.findUnique({ where: { id } });
  if (!notification) return { outcome: "not_found" as const };
  if (notification.deliveryStatus === "sending" && notification.claimedUntil && notification.claimedUntil > now) {
    return { outcome: "busy" as const };
  }
  if (!notification.payload) return { outcome: "busy" as const };
  const result = await deliverWebhook({
    url: config.url ?? notification.webhookUrl,
    id: notification.webhookId,
    body: notification.payload,
    secret: config.secret,
  });
  await recordAttempt(db, {
    notificationId: notification.id,
    token: null,
    attemptNumber: notification.attempts + 1,
    payload: notification.payload,
    startedAt: now,
    result,
    trigger: "resend",
  });
  return { outcome: "done" as const, result };
}
