import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendOverdueWebhooks } from "@/lib/webhooks/sweep";
import { parseWebhookSettings, resolveWebhookConfig } from "@/lib/webhooks/config";
import { updateSettings } from "@/lib/settings/settings";
import { resendNotification, saveWebhookSettings, sendTestWebhook } from "@/lib/webhooks/operations";
import { createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { startReceiver } from "./helpers/receiver";
import { direct, refusal } from "./helpers/refusal";
import { createFixtures, createTicket } from "./helpers/tickets";

// The admin page's operations, performed as the admin, with the environment of a
// deployment (no WEBHOOK_ALLOW_PRIVATE, no APP_ENV=local) unless a test says otherwise.
const t = freshDatabase();
let cast: Cast;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const deployment = {};
const local = { WEBHOOK_ALLOW_PRIVATE: "1", APP_ENV: "local" };
const save = direct(saveWebhookSettings);
const updateGeneral = direct(updateSettings);
const general = { companyName: "Atelier", timeZone: "America/Toronto", defaultLocale: "fr", ticketPrefix: "TKT" };
const resend = direct(resendNotification);
const sendTest = direct(sendTestWebhook);
const settingsInput = { enabled: true, url: "https://hooks.example.com/catch/1", windowHours: 24, maxPerRun: 50, pauseMs: 0 };

beforeAll(async () => {
  cast = await createCast(t.db, "wh");
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});
beforeEach(async () => {
  await t.db.setting.deleteMany();
});

describe("the public address of Atelier", () => {
  it("is required to switch alerts on with a URL, in a deployment", async () => {
    const refused = await refusal(save(t.db, cast.admin, settingsInput, { webhookEnv: deployment }));
    expect(refused.code).toBe("appUrlRequired");
    expect(await t.db.setting.count()).toBe(0);
  });

  it("is taken from the general settings or from APP_URL, and not needed while alerts are off or in a local run", async () => {
    await updateGeneral(t.db, cast.admin, { ...general, appUrl: "https://atelier.usine.ca" });
    await save(t.db, cast.admin, settingsInput, { webhookEnv: deployment });
    await t.db.setting.deleteMany();
    await save(t.db, cast.admin, settingsInput, { webhookEnv: { APP_URL: "https://atelier.usine.ca" } });
    await save(t.db, cast.admin, { ...settingsInput, enabled: false }, { webhookEnv: deployment });
    await save(t.db, cast.admin, settingsInput, { webhookEnv: local });
  });

  it("is required for a test webhook, which is then not sent", async () => {
    await t.db.setting.create({ data: { key: "webhook.url", value: JSON.stringify(receiver.url) } });
    const before = receiver.requests.length;
    const refused = await refusal(sendTest(t.db, cast.admin, {}, { webhookEnv: { WEBHOOK_ALLOW_PRIVATE: "1" } }));
    expect(refused.code).toBe("appUrlRequired");
    expect(receiver.requests).toHaveLength(before);
  });
});

describe("resend", () => {
  it("checks the URL as the cron and the test do: a private address is refused outside local runs", async () => {
    const fixtures = await createFixtures(t.db);
    await createTicket(t.db, fixtures, { scheduledDate: new Date(Date.now() - 60 * 60 * 1000) });
    // Sent once by a local run, to the receiver on 127.0.0.1.
    const settings = { ...parseWebhookSettings([]), url: receiver.url, pauseMs: 0 };
    await sendOverdueWebhooks(t.db, { now: new Date(), config: resolveWebhookConfig(settings, local), timeZone: "UTC", log: () => {} });
    const notification = await t.db.webhookNotification.findFirstOrThrow();
    const before = receiver.requests.length;

    // The stored URL (no URL in the settings any more) and a saved private one are both refused.
    const refused = await refusal(resend(t.db, cast.admin, { id: notification.id }, { webhookEnv: deployment }));
    expect(refused.code).toBe("urlPrivate");
    await t.db.setting.create({ data: { key: "webhook.url", value: JSON.stringify("http://[::ffff:7f00:1]:9/hook") } });
    expect((await refusal(resend(t.db, cast.admin, { id: notification.id }, { webhookEnv: deployment }))).code).toBe("urlPrivate");
    expect(receiver.requests).toHaveLength(before);
    expect(await t.db.webhookAttempt.count({ where: { trigger: "resend" } })).toBe(0);

    await t.db.setting.deleteMany();
    await resend(t.db, cast.admin, { id: notification.id }, { webhookEnv: local });
    expect(receiver.requests).toHaveLength(before + 1);
  });
});
