import { expect, test } from "@playwright/test";
import { queryD1 } from "../fixtures/d1";
import { startReceiver } from "../../tests/integration/helpers/receiver";
import { insertOverdueTickets, resetWebhookSettings, retireTickets, setWebhookSettings } from "../fixtures/webhooks";

test("five concurrent cron triggers over 200 overdue tickets give exactly 200 deliveries", async ({ request }) => {
  // Room for both polls below (90 s + 60 s) on a loaded machine.
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  const tag = `C${Date.now()}`;
  try {
    const ids = await insertOverdueTickets(200, tag);
    await setWebhookSettings({ url: receiver.url, pauseMs: 0, maxPerRun: 50, enabled: true });

    const responses = await Promise.all(
      Array.from({ length: 5 }, () => request.get("/__scheduled?cron=*/5+*+*+*+*")),
    );
    for (const response of responses) expect(response.ok()).toBe(true);

    const ours = () => receiver.requests.filter((r) => String(r.json.ticket_id).startsWith(`E2E-${tag}-`));
    await expect.poll(() => ours().length, { timeout: 90_000 }).toBe(200);
    // Let any straggler run finish, then check nothing arrived twice.
    await expect
      .poll(async () => (await queryD1<{ n: number }>("SELECT COUNT(*) AS n FROM cron_runs WHERE outcome = 'running'"))[0]!.n, { timeout: 60_000 })
      .toBe(0);
    expect(ours()).toHaveLength(200);
    expect(new Set(ours().map((r) => r.json.ticket_id))).toEqual(new Set(ids));
    const perTicket = new Map<string, number>();
    for (const r of receiver.requests) perTicket.set(String(r.json.ticket_id), (perTicket.get(String(r.json.ticket_id)) ?? 0) + 1);
    expect([...perTicket.values()].every((n) => n === 1)).toBe(true);
  } finally {
    await resetWebhookSettings();
    await retireTickets(tag);
    await receiver.close();
  }
});
