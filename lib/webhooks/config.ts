// Where overdue webhooks go and how: admin settings ("webhook.*" rows in
// `settings`), overridden by the worker's environment (secrets, .dev.vars).
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { z } from "zod";
import type { Db } from "../db/client";
import { checkOutboundUrl } from "../outbound-url";
import { getSettingRows, parseSettings, resolveAppUrl, settingsUnder } from "../settings/settings";

// Stored in the shared `settings` table under "webhook.*" keys, JSON values.
export const webhookSettingsSchema = z.object({
  enabled: z.boolean().catch(true),
  url: z.string().catch(""),
  secret: z.string().catch(""),
  windowHours: z.number().int().min(1).max(168).catch(24),
  // Each send is one subrequest: 50 fits the free plan's budget per invocation, paid plans allow far more.
  maxPerRun: z.number().int().min(1).max(5000).catch(50),
  pauseMs: z.number().int().min(0).max(5000).catch(200),
});
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;
export const WEBHOOK_KEY_PREFIX = "webhook.";

/** What the environment may set instead of the admin page (`wrangler secret put`, .dev.vars). */
export interface WebhookEnv {
  WEBHOOK_URL?: string;
  WEBHOOK_SECRET?: string;
  WEBHOOK_ALLOW_PRIVATE?: string;
  APP_URL?: string;
  /** "local" on a developer's machine and in tests (.dev.vars); unset in a deployment. */
  APP_ENV?: string;
}

export interface WebhookConfig {
  enabled: boolean;
  url: string | null;
  urlSource: "env" | "settings" | "none";
  secret: string | null;
  secretSource: "env" | "settings" | "none";
  windowMs: number;
  maxPerRun: number;
  pauseMs: number;
  /** Where people open Atelier, for the ticket link in each webhook; null when none is known. */
  appUrl: string | null;
  allowPrivate: boolean;
}

export function parseWebhookSettings(rows: { key: string; value: string }[]): WebhookSettings {
  const raw = settingsUnder(WEBHOOK_KEY_PREFIX, rows);
  return webhookSettingsSchema.parse(raw);
}

export async function getWebhookSettings(db: Db): Promise<WebhookSettings> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: WEBHOOK_KEY_PREFIX } } });
  return parseWebhookSettings(rows);
}

/**
 * The environment wins over the admin page: a hook URL is itself a credential.
 * `appUrl` is the general setting (lib/settings/settings.ts) each alert links from.
 */
export function resolveWebhookConfig(settings: WebhookSettings, env: WebhookEnv, appUrl = ""): WebhookConfig {
  const envUrl = env.WEBHOOK_URL?.trim();
  const envSecret = env.WEBHOOK_SECRET?.trim();
  const url = envUrl || settings.url.trim() || null;
  const secret = envSecret || settings.secret.trim() || null;
  return {
    enabled: settings.enabled,
    url,
    urlSource: envUrl ? "env" : settings.url.trim() ? "settings" : "none",
    secret,
    secretSource: envSecret ? "env" : settings.secret.trim() ? "settings" : "none",
    windowMs: settings.windowHours * 60 * 60 * 1000,
    maxPerRun: settings.maxPerRun,
    pauseMs: settings.pauseMs,
    appUrl: resolveAppUrl(appUrl, env),
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === "1",
  };
}

export function webhookUrlProblem(config: WebhookConfig) {
  return config.url ? checkOutboundUrl(config.url, { allowPrivate: config.allowPrivate }) : null;
}

/** The webhook variables of this worker's environment (secrets and .dev.vars). */
export async function getWebhookEnv(): Promise<WebhookEnv> {
  const { env } = await getCloudflareContext({ async: true });
  const vars = env as unknown as Record<string, string | undefined>;
  return {
    WEBHOOK_URL: vars.WEBHOOK_URL,
    WEBHOOK_SECRET: vars.WEBHOOK_SECRET,
    WEBHOOK_ALLOW_PRIVATE: vars.WEBHOOK_ALLOW_PRIVATE,
    APP_URL: vars.APP_URL,
    APP_ENV: vars.APP_ENV,
  };
}

/** The effective configuration; `env` defaults to this worker's own (tests pass theirs). */
export async function getWebhookConfig(db: Db, env?: WebhookEnv): Promise<WebhookConfig> {
  const [rows, vars] = await Promise.all([getSettingRows(db), env ?? getWebhookEnv()]);
  return resolveWebhookConfig(parseWebhookSettings(rows), vars, parseSettings(rows).appUrl);
}
