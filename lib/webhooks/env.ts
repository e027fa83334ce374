import { getCloudflareContext } from "@opennextjs/cloudflare";
import type { Db } from "../db";
import { getWebhookSettings, resolveWebhookConfig, type WebhookConfig, type WebhookEnv } from "./settings";

/** The webhook variables of this worker's environment (secrets and .dev.vars). */
export async function getWebhookEnv(): Promise<WebhookEnv> {
  const { env } = await getCloudflareContext({ async: true });
  const vars = env as unknown as Record<string, string | undefined>;
  return {
    WEBHOOK_URL: vars.WEBHOOK_URL,
    WEBHOOK_SECRET: vars.WEBHOOK_SECRET,
    WEBHOOK_ALLOW_PRIVATE: vars.WEBHOOK_ALLOW_PRIVATE,
    APP_URL: vars.APP_URL,
  };
}

export async function getWebhookConfig(db: Db): Promise<WebhookConfig> {
  const [settings, env] = await Promise.all([getWebhookSettings(db), getWebhookEnv()]);
  return resolveWebhookConfig(settings, env);
}
