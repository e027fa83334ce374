// What an admin changes or triggers on the "Notifications" page: the settings,
// the signing secret, a test webhook, a resend. Each is an operation
// (lib/operation.ts); the URL rules are checked here, once, for all. "Check now"
// runs the cron's sweep and records it as a run: cron/check-now.ts.
import { z } from "zod";
import type { AuditEntry } from "../audit";
import type { Db } from "../db/client";
import { defineOperation, refuse, type RuleCode } from "../operation";
import { getSettings, writeSettings } from "../settings/settings";
import { recordAttempt } from "./claims";
import {
  getWebhookConfig,
  getWebhookEnv,
  getWebhookSettings,
  resolveWebhookConfig,
  webhookUrlProblem,
  WEBHOOK_KEY_PREFIX,
  type WebhookConfig,
  type WebhookSettings,
} from "./config";
import { deliverWebhook } from "./delivery";
import { buildOverduePayload } from "./payload";
import { generateWebhookSecret, maskSecret } from "./signature";
import { checkOutboundUrl, type OutboundUrlProblem } from "../outbound-url";
import { checkbox } from "../validation";

const urlRule: Record<OutboundUrlProblem, RuleCode> = {
  invalid: "urlInvalid",
  scheme: "urlScheme",
  private: "urlPrivate",
  credentials: "urlCredentials",
};

const nothing = z.object({});

export const webhookSettingsInput = z.object({
  enabled: checkbox,
  url: z.string().trim().max(2000),
  windowHours: z.coerce.number().int().min(1).max(168),
  maxPerRun: z.coerce.number().int().min(1).max(5000),
  pauseMs: z.coerce.number().int().min(0).max(5000),
});

/** The webhook settings, all in one statement, with their audit entry (lib/settings/settings.ts). */
function writeWebhookSettings(db: Db, actorId: number, values: Partial<WebhookSettings>, now: Date, audit: Omit<AuditEntry, "actorId" | "entityType">) {
  return writeSettings(db, values, { actorId, now, prefix: WEBHOOK_KEY_PREFIX, audit: [{ actorId, entityType: "setting", ...audit }] });
}

/** The secret never reaches the audit log, only whether one is set. */
function auditable(settings: WebhookSettings) {
  const { secret, ...rest } = settings;
  return { ...rest, secret: secret ? maskSecret(secret) : null };
}

export const saveWebhookSettings = defineOperation(
  { input: webhookSettingsInput, permission: "notifications.manage" },
  async (input, { db, user, webhookEnv, now = new Date() }): Promise<void> => {
    const env = webhookEnv ?? (await getWebhookEnv());
    const problem = input.url ? checkOutboundUrl(input.url, { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === "1" }) : null;
    if (problem) refuse("invalid", { fields: { url: urlRule[problem] } });
    const [before, { appUrl }] = await Promise.all([getWebhookSettings(db), getSettings(db)]);
    // Alerts carry a link to the ticket: switched on with a URL to send to, they need
    // the address people open Atelier at (the general settings' field, or APP_URL).
    const config = resolveWebhookConfig({ ...before, ...input }, env, appUrl);
    if (config.enabled && config.url && !config.appUrl) refuse("appUrlRequired");
    await writeWebhookSettings(db, user.id, input, now, {
      action: "webhook.settings_changed",
      entityId: "webhook",
      before: auditable(before),
      after: auditable({ ...before, ...input }),
    });
  },
);

/** A new secret, stored and returned once; the page shows it and forgets it. */
export const rotateWebhookSecret = defineOperation(
  { input: nothing, permission: "notifications.manage" },
  async (_input, { db, user, now = new Date() }): Promise<string> => {
  const before = await getWebhookSettings(db);
  const secret = generateWebhookSecret();
  await writeWebhookSettings(db, user.id, { secret }, now, {
    action: before.secret ? "webhook.secret_rotated" : "webhook.secret_created",
    entityId: "webhook.secret",
    before: { secret: before.secret ? maskSecret(before.secret) : null },
    after: { secret: maskSecret(secret) },
  });
  return secret;
  },
);

export const removeWebhookSecret = defineOperation(
  { input: nothing, permission: "notifications.manage" },
  async (_input, { db, user, now = new Date() }): Promise<void> => {
  const before = await getWebhookSettings(db);
  await writeWebhookSettings(db, user.id, { secret: "" }, now, {
    action: "webhook.secret_removed",
    entityId: "webhook.secret",
    before: { secret: before.secret ? maskSecret(before.secret) : null },
    after: { secret: null },
  });
  },
);

/** A sample alert, marked as a test so a receiver's workflow can filter it out. */
export const sendTestWebhook = defineOperation({ input: nothing, permission: "notifications.manage" }, async (_input, { db, webhookEnv, now = new Date() }) => {
  const [config, settings] = await Promise.all([getWebhookConfig(db, webhookEnv), getSettings(db)]);
  const url = usableUrl(config);
  const appUrl = config.appUrl ?? refuse("appUrlRequired");
  const options = { now, timeZone: settings.timeZone };
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
    { now: options.now, timeZone: options.timeZone, appUrl },
  );
  const result = await deliverWebhook({
    url,
    id: `msg_test_${crypto.randomUUID().replaceAll("-", "")}`,
    body: JSON.stringify({ ...payload, event: "ticket.test" }),
    secret: config.secret,
  });
  return { ok: result.ok, status: result.status, body: result.body, error: result.error, durationMs: result.durationMs };
});

/** The configured URL, if it may be used: the same rule for the test, a resend and the cron's sweep. */
function usableUrl(config: WebhookConfig): string {
  if (!config.url) refuse("webhookNoUrl");
  const problem = webhookUrlProblem(config);
  if (problem) refuse(urlRule[problem]);
  return config.url;
}

/**
 * "Renvoyer": one more attempt now, with the same webhook-id and payload. Refused
 * while a run holds the notification, so the receiver never gets two at once.
 */
export const resendNotification = defineOperation(
  { input: z.object({ id: z.coerce.number().int().positive() }), permission: "notifications.manage" },
  async ({ id }, { db, webhookEnv, now = new Date() }) => {
  const notification = (await db.webhookNotification.findUnique({ where: { id } })) ?? refuse("notFound");
  if (notification.deliveryStatus === "sending" && notification.claimedUntil && notification.claimedUntil > now) refuse("resendBusy");
  if (!notification.payload) refuse("resendBusy");
  const config = await getWebhookConfig(db, webhookEnv);
  const result = await deliverWebhook({
    url: usableUrl({ ...config, url: config.url ?? notification.webhookUrl }),
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
  if (!result.ok) refuse("resendFailed", { values: { error: result.error ?? "" } });
  return { status: result.status };
  },
);
