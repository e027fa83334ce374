import type { Metadata } from "next";
import { DeliveryLog } from "@/components/notifications/delivery-log";
import { HealthPanel } from "@/components/notifications/health-panel";
import { RunCheckButton } from "@/components/notifications/run-check-button";
import { SecretPanel } from "@/components/notifications/secret-panel";
import { SettingsForm } from "@/components/notifications/settings-form";
import { TestWebhook } from "@/components/notifications/test-webhook";
import { FeedbackGroup } from "@/components/ui/form";
import { requirePermission } from "@/lib/request";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/request";
import { getRequestSettings } from "@/lib/request";
import { deliveryFilterInput, endpointHealth, listDeliveries, listRecentRuns } from "@/lib/webhooks/queries";
import { getWebhookEnv } from "@/lib/webhooks/config";
import { getWebhookSettings, resolveWebhookConfig } from "@/lib/webhooks/config";
import { maskSecret } from "@/lib/webhooks/signature";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.notifications.title };
}

export default async function NotificationsPage({ searchParams }: PageProps<"/admin/notifications">) {
  await requirePermission("notifications.manage");
  const db = await getDb();
  const filter = deliveryFilterInput.parse(await searchParams);
  const [{ t, locale }, settings, webhookSettings, env, runs, health, deliveries] = await Promise.all([
    getMessages(),
    getRequestSettings(),
    getWebhookSettings(db),
    getWebhookEnv(),
    listRecentRuns(db),
    endpointHealth(db),
    listDeliveries(db, filter, (await getRequestSettings()).timeZone),
  ]);
  const config = resolveWebhookConfig(webhookSettings, env);
  const n = t.notifications;
  const section = "space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6";

  // One feedback group: "Enregistrez d’abord une URL" from the test send leaves once a URL is saved.
  return (
    <FeedbackGroup className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{n.title}</h1>
        <p className="max-w-3xl text-slate-600">{n.intro}</p>
      </div>
      <HealthPanel
        runs={runs}
        health={health}
        enabled={config.enabled}
        hasUrl={Boolean(config.url)}
        now={new Date()}
        t={t}
        locale={locale}
        timeZone={settings.timeZone}
      />
      <section aria-labelledby="tools-title" className={section}>
        <h2 id="tools-title" className="text-lg font-semibold">
          {n.tools.title}
        </h2>
        <div className="grid gap-6 sm:grid-cols-2">
          <TestWebhook t={n.tools} />
          <div className="space-y-2">
            <RunCheckButton t={n.tools} />
            <p className="text-sm text-slate-600">{n.tools.runHelp}</p>
          </div>
        </div>
      </section>
      <section aria-labelledby="settings-title" className={section}>
        <h2 id="settings-title" className="text-lg font-semibold">
          {n.settings.title}
        </h2>
        <SettingsForm
          // Field by field: the signing secret must never reach the browser.
          values={{
            enabled: webhookSettings.enabled,
            url: config.urlSource === "env" ? "" : webhookSettings.url,
            windowHours: webhookSettings.windowHours,
            maxPerRun: webhookSettings.maxPerRun,
            pauseMs: webhookSettings.pauseMs,
          }}
          envUrl={config.urlSource === "env" && config.url ? maskSecret(config.url) : null}
          t={n.settings}
        />
      </section>
      <section aria-labelledby="secret-title" className={section}>
        <h2 id="secret-title" className="text-lg font-semibold">
          {n.secret.title}
        </h2>
        <p className="text-sm text-slate-600">{n.secret.help}</p>
        <SecretPanel
          source={config.secretSource}
          masked={config.secret ? maskSecret(config.secret) : null}
          t={n.secret}
          common={t.common}
        />
      </section>
      <DeliveryLog filter={filter} result={deliveries} t={t} locale={locale} timeZone={settings.timeZone} />
    </FeedbackGroup>
  );
}
