"use server";

import { refresh } from "next/cache";
import { runCheckNow } from "@/cron/check-now";
import { performAsCurrentUser } from "@/lib/action";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/request";
import {
  removeWebhookSecret,
  resendNotification,
  rotateWebhookSecret,
  saveWebhookSettings,
  sendTestWebhook,
} from "@/lib/webhooks/operations";

// Each action re-renders the Notifications page it came from (settings, health,
// log), and hands the button its sentence in the admin's language.

export async function saveWebhookSettingsAction(raw: unknown) {
  const result = await performAsCurrentUser(saveWebhookSettings, raw);
  if (!result.ok) return result;
  refresh();
  return { ok: true as const, data: (await getMessages()).t.notifications.settings.saved };
}

export async function rotateSecretAction() {
  const result = await performAsCurrentUser(rotateWebhookSecret, {});
  if (result.ok) refresh();
  return result;
}

export async function removeSecretAction() {
  const result = await performAsCurrentUser(removeWebhookSecret, {});
  if (!result.ok) return result;
  refresh();
  return { ok: true as const, data: (await getMessages()).t.notifications.secret.removed };
}

export async function sendTestWebhookAction() {
  return performAsCurrentUser(sendTestWebhook, {});
}

export async function runCheckNowAction() {
  const result = await performAsCurrentUser(runCheckNow, {});
  refresh();
  if (!result.ok) return result;
  const { t, locale } = await getMessages();
  return { ok: true as const, data: format(t.notifications.tools.runResult, result.data, locale) };
}

/** A failed resend is still an attempt in the log: the page re-renders either way. */
export async function resendAction(raw: unknown) {
  const result = await performAsCurrentUser(resendNotification, raw);
  if (result.ok || result.code === "resendFailed") refresh();
  if (!result.ok) return result;
  const { t } = await getMessages();
  return { ok: true as const, data: format(t.notifications.detail.resendDone, { status: result.data.status ?? "" }) };
}
