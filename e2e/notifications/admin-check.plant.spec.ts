import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { startReceiver } from "../../tests/integration/helpers/receiver";
import { insertOverdueTickets, resetWebhookSettings, retireTickets } from "../fixtures/webhooks";

test.describe("the Notifications admin page", () => {
  test.use({ storageState: storageState("admin") });

  test("an admin saves the URL, runs the check and finds the delivery in the log", async ({ page }) => {
    const receiver = await startReceiver();
    const tag = `A${Date.now()}`;
    try {
      await page.goto("/admin/notifications");
      await expect(page.getByRole("heading", { name: "Notifications de retard" })).toBeVisible();

      await page.getByLabel("URL du webhook").fill("ftp://pabbly.example/hook");
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await expect(page.getByText("L’adresse doit commencer par https:// ou http://.")).toBeVisible();

      await page.getByLabel("URL du webhook").fill(receiver.url);
      await page.getByLabel("Pause entre deux envois (millisecondes)").fill("0");
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Réglages enregistrés." })).toBeVisible();

      await page.getByRole("button", { name: "Envoyer un webhook de test" }).click();
      await expect(page.getByTestId("test-result")).toContainText("Réponse du destinataire : 200");
      expect(receiver.requests.at(-1)!.json.event).toBe("ticket.test");

      const [ticketId] = await insertOverdueTickets(1, tag);
      await page.getByRole("button", { name: "Lancer la vérification maintenant" }).click();
      // The check runs the whole sweep (D1 claims, the webhook, its log) before it answers.
      await expect(page.getByRole("status").filter({ hasText: /\d+ tickets? en retard/ })).toBeVisible({ timeout: 45_000 });
      const delivered = receiver.requests.find((r) => r.json.ticket_id === ticketId);
      expect(delivered?.json).toMatchObject({ event: "ticket.overdue", status: "received", priority: "high" });
      expect(delivered?.headers["webhook-id"]).toMatch(/^msg_/);

      await page.goto(`/admin/notifications?ticket=${ticketId}#log`);
      const log = page.getByTestId("delivery-log");
      await expect(log.getByRole("link")).toHaveCount(1);
      await expect(log).toContainText("Envoyé");
      await log.getByRole("link").click();
      await expect(page.getByTestId("payload")).toContainText(ticketId!);
      await expect(page.getByTestId("attempts")).toContainText("Statut HTTP : 200");

      await page.getByRole("button", { name: "Renvoyer" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Renvoyer" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Renvoyé : réponse 200." })).toBeVisible();
      const copies = receiver.requests.filter((r) => r.json.ticket_id === ticketId);
      expect(copies).toHaveLength(2);
      expect(copies[1]!.headers["webhook-id"]).toBe(copies[0]!.headers["webhook-id"]);
    } finally {
      await resetWebhookSettings();
      await retireTickets(tag);
      await receiver.close();
    }
  });

  test("a generated signing secret is shown once, then only masked", async ({ page }) => {
    try {
      await page.goto("/admin/notifications");
      await page.getByRole("button", { name: "Générer un secret" }).click();
      const secret = await page.getByTestId("new-secret").textContent();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
      await page.reload();
      await expect(page.getByTestId("secret-state")).toContainText("Secret en place");
      await expect(page.locator("body")).not.toContainText(secret!);
    } finally {
      await resetWebhookSettings();
    }
  });
});

test.describe("without the admin role", () => {
  test.use({ storageState: storageState("supervisor") });

  test("the page does not exist", async ({ page }) => {
    const response = await page.goto("/admin/notifications");
    expect(response?.status()).toBe(404);
    // The header's bell is also named "Notifications": what must be absent is the admin page's link.
    await expect(page.locator('a[href="/admin/notifications"]')).toHaveCount(0);
  });
});
