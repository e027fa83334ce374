import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { startReceiver } from "../../tests/integration/helpers/receiver";
import { createMachineRow, openTicketChanges, uniqueTag } from "../fixtures/tickets";
import { resetWebhookSettings } from "../fixtures/webhooks";

test.use({ storageState: storageState("admin") });

/** Yesterday's date on the factory's calendar (America/Toronto), as a date input wants it. */
function factoryYesterday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(new Date(Date.now() - 24 * 60 * 60 * 1000));
}

test("an admin saves the URL, creates an overdue ticket, runs the check, and sees the delivery and the badge", async ({ page }) => {
  // The longest flow of the suite: a dozen round trips through the worker and D1.
  test.setTimeout(150_000);
  const receiver = await startReceiver();
  const title = `Alerte ${uniqueTag("wh")}`;
  try {
    await page.goto("/admin/notifications");
    await page.getByLabel("URL du webhook").fill(receiver.url);
    await page.getByLabel("Pause entre deux envois (millisecondes)").fill("0");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Réglages enregistrés." })).toBeVisible();

    // Report the problem on a machine of its own, then assign it and schedule it for yesterday, through the UI.
    const machine = `Pompe ${uniqueTag("wh")}`;
    await createMachineRow(machine);
    await page.goto("/tickets");
    await page.getByRole("link", { name: /Signaler un problème/ }).click();
    await page.getByLabel("Titre").fill(title);
    await page.getByLabel("Machine", { exact: true }).selectOption({ label: `${machine} E2E` });
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const ticketUrl = page.url();
    const ticketId = decodeURIComponent(new URL(ticketUrl).pathname.split("/tickets/")[1]!);

    const sheet = await openTicketChanges(page);
    const assign = sheet.getByRole("form", { name: "Assigner" });
    await assign.getByLabel("Assigner à").selectOption({ label: "Julie Roy" });
    await assign.getByRole("button", { name: "Assigner" }).click();
    await expect(page.getByTestId("ticket-assignee")).toHaveText("Julie Roy");
    const schedule = sheet.getByRole("form", { name: "Planifier" });
    await schedule.getByLabel("Date").fill(factoryYesterday());
    await schedule.getByLabel("Heure").fill("08:00");
    await schedule.getByRole("button", { name: "Planifier" }).click();
    await expect(page.getByTestId("ticket-scheduled")).toContainText("08 h 00");
    await expect(page.getByTestId("overdue-alert")).toHaveCount(0);

    await page.goto("/admin/notifications");
    await page.getByRole("button", { name: "Lancer la vérification maintenant" }).click();
    await expect(page.getByRole("status").filter({ hasText: /\d+ tickets? en retard/ })).toBeVisible({ timeout: 45_000 });
    const delivered = receiver.requests.filter((r) => r.json.ticket_id === ticketId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.json).toMatchObject({ title, assigned_to: "Julie Roy", event: "ticket.overdue" });
    expect(String(delivered[0]!.json.ticket_url)).toContain(`/tickets/${encodeURIComponent(ticketId)}`);

    await page.getByLabel("Ticket", { exact: true }).fill(ticketId);
    await page.getByRole("button", { name: "Filtrer" }).click();
    const log = page.getByTestId("delivery-log");
    await expect(log.getByRole("link")).toHaveCount(1);
    await expect(log).toContainText("Envoyé");

    await page.goto(ticketUrl);
    await expect(page.getByTestId("overdue-alert")).toContainText("Alerte de retard envoyée le");
    await expect(page.getByTestId("timeline")).toContainText("Alerte de retard envoyée par webhook (statut 200)");
  } finally {
    await resetWebhookSettings();
    await receiver.close();
  }
});
