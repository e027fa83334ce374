import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, openTicketChanges, ticketRow, uniqueTag, userId } from "../fixtures/tickets";

test.use({ storageState: storageState("supervisor") });

test("a supervisor assigns a ticket, schedules it in factory time and changes its priority", async ({ page }) => {
  const title = `Planifier ${uniqueTag("sup")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets/${ticket.ticketId}`);

  const sheet = await openTicketChanges(page);
  const assign = sheet.getByRole("form", { name: "Assigner" });
  await assign.getByLabel("Assigner à").selectOption({ label: "Patrick Lavoie" });
  await assign.getByRole("button", { name: "Assigner" }).click();
  await expect(page.getByTestId("ticket-assignee")).toHaveText("Patrick Lavoie");
  expect((await ticketRow(ticket.id)).assigned_to).toBe(await userId("patrick.lavoie@atelier.demo"));

  // 3 December 2026, 09:30 in Toronto (EST, UTC-5) is 14:30 UTC.
  const schedule = sheet.getByRole("form", { name: "Planifier" });
  await schedule.getByLabel("Date").fill("2026-12-03");
  await schedule.getByLabel("Heure").fill("09:30");
  await schedule.getByRole("button", { name: "Planifier" }).click();
  await expect(page.getByTestId("ticket-scheduled")).toContainText("09 h 30");
  expect((await ticketRow(ticket.id)).scheduled_date).toBe("2026-12-03T14:30:00.000+00:00");

  await assign.getByLabel("Assigner à").selectOption({ label: "Toute l’équipe" });
  await assign.getByRole("button", { name: "Assigner" }).click();
  await expect(page.getByTestId("ticket-assignee")).toHaveText("Toute l’équipe");
  expect((await ticketRow(ticket.id)).assigned_to).toBe(0);

  const priority = sheet.getByRole("form", { name: "Changer la priorité" });
  await priority.getByLabel("Changer la priorité").selectOption("critical");
  await priority.getByRole("button", { name: "Enregistrer" }).click();
  await expect.poll(async () => (await ticketRow(ticket.id)).priority).toBe("critical");

  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText(`${account("supervisor").name} a assigné le ticket à Patrick Lavoie`);
  await expect(timeline).toContainText(`${account("supervisor").name} a planifié l’intervention`);
  await expect(timeline).toContainText("Moyenne → Critique");
});

test("a deleted ticket leaves the board after confirmation but stays in the database", async ({ page }) => {
  const title = `Supprimer ${uniqueTag("del")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets/${ticket.ticketId}`);
  await page.getByRole("button", { name: "Supprimer le ticket" }).click();
  await expect(page.getByRole("dialog")).toContainText("Supprimer ce ticket ?");
  await page.getByRole("button", { name: "Oui, supprimer" }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  await expect(page.locator(`li[data-ticket="${ticket.id}"]`)).toHaveCount(0);
  expect(await ticketRow(ticket.id)).toBeDefined();
  const response = await page.goto(`/tickets/${ticket.ticketId}`);
  expect(response?.status()).toBe(404);
});

// The plant overview is the admin's home (a supervisor lands on what needs a decision).
test.describe("as the admin", () => {
  test.use({ storageState: storageState("admin") });

  test("an overdue ticket on the dashboard opens its ticket page", async ({ page }) => {
    const title = `En retard ${uniqueTag("od")}`;
    // Scheduled twenty years back: the list shows the oldest first and at most 20, and
    // only a handful of other tests' tickets are due before that (the homes' specs), so
    // this one is on the page however many overdue tickets the database holds.
    const ticket = await createTicketRow({
      title,
      reporterEmail: account("operator").email,
      assignedTo: await userId(account("technician").email),
      scheduledDate: new Date(Date.now() - 20 * 365 * 86_400_000),
    });
    await page.goto("/");
    const link = page.getByTestId("overdue-list").getByRole("link", { name: title });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.ticketId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
});
