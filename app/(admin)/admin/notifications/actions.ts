"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runScheduledJobs } from "@/cron";
import { ActionError, authorizedAction } from "@/lib/action";
import { format } from "@/lib/i18n";
import { getSettings } from "@/lib/settings";
import {
  removeWebhookSecret,
  resendNotification,
  rotateWebhookSecret,
  saveWebhookSettings,
  sendTestWebhook,
  webhookSettingsInput,
} from "@/lib/webhooks/admin";
import { getWebhookConfig, getWebhookEnv } from "@/lib/webhooks/env";
import { checkOutboundUrl } from "@/lib/outbound-url";

const PAGE = "/admin/notifications";
const nothing = z.object({});

export const saveWebhookSettingsAction = authorizedAction(
  { input: webhookSettingsInput, permission: "notifications.manage" },
  async (input, { db, user, t }) => {
    const env = await getWebhookEnv();
    const allowPrivate = env.WEBHOOK_ALLOW_PRIVATE === "1";
    if (input.url) {
      const problem = checkOutboundUrl(input.url, { allowPrivate });
      if (problem) throw new ActionError(t.actions.invalid, { url: t.notifications.settings.errors[problem] });
    }
    if (input.appUrl && checkOutboundUrl(input.appUrl, { allowPrivate: true })) {
      throw new ActionError(t.actions.invalid, { appUrl: t.notifications.settings.errors.appUrl });
    }
    await saveWebhookSettings(db, user.id, input);
    revalidatePath(PAGE);
    return t.notifications.settings.saved;
  },
);

export const rotateSecretAction = authorizedAction(
  { input: nothing, permission: "notifications.manage" },
  async (_input, { db, user }) => {
    const secret = await rotateWebhookSecret(db, user.id);
    revalidatePath(PAGE);
    return secret;
  },
);

export const removeSecretAction = authorizedAction(
  { input: nothing, permission: "notifications.manage" },
  async (_input, { db, user, t }) => {
    await removeWebhookSecret(db, user.id);
    revalidatePath(PAGE);
    return t.notifications.secret.removed;
  },
);

export const sendTestWebhookAction = authorizedAction(
  { input: nothing, permission: "notifications.manage" },
  async (_input, { db, t }) => {
    const [config, settings] = await Promise.all([getWebhookConfig(db), getSettings(db)]);
    if (!config.url) throw new ActionError(t.notifications.tools.noUrl);
    const problem = checkOutboundUrl(config.url, { allowPrivate: config.allowPrivate });
    if (problem) throw new ActionError(t.notifications.settings.errors[problem]);
    const result = await sendTestWebhook(config, { now: new Date(), timeZone: settings.timeZone });
    return { ok: result.ok, status: result.status, body: result.body, error: result.error, durationMs: result.durationMs };
  },
);

// The check the cron runs every 5 minutes, started by an admin: a server action,
// never a public route (the deployment guide's checklist removed /api/test-cron).
export const runCheckNowAction = authorizedAction(
  { input: nothing, permission: "notifications.manage" },
  async (_input, { db, t, locale }) => {
    const run = await runScheduledJobs(db, { cron: null, now: new Date(), env: await getWebhookEnv() });
    revalidatePath(PAGE);
    if (run.outcome === "error") throw new ActionError(format(t.notifications.tools.runError, { error: run.error ?? "" }));
    return format(t.notifications.tools.runResult, { found: run.found, sent: run.sent, failed: run.failed, skipped: run.skipped }, locale);
  },
);

export const resendAction = authorizedAction(
  { input: z.object({ id: z.coerce.number().int().positive() }), permission: "notifications.manage" },
  async ({ id }, { db, t }) => {
    const outcome = await resendNotification(db, await getWebhookConfig(db), id, new Date());
    if (outcome.outcome === "not_found") throw new ActionError(t.actions.notFound);
    if (outcome.outcome === "busy") throw new ActionError(t.notifications.detail.resendBusy);
    revalidatePath(`${PAGE}/${id}`);
    const { result } = outcome;
    if (!result.ok) throw new ActionError(format(t.notifications.detail.resendFailed, { error: result.error ?? "" }));
    return format(t.notifications.detail.resendDone, { status: result.status ?? "" });
  },
);
