import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { createTicketRow, openTicketChanges, ticketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("supervisor") });

async function newTicket(prefix: string) {
  return createTicketRow({ title: `${prefix} ${uniqueTag("chg")}`, reporterEmail: account("operator").email });
}

test("status, assignee, schedule and priority live in one Modifier dialog that traps focus, closes on Escape and gives focus back", async ({ page }) => {
  const ticket = await newTicket("Feuille");
  await page.goto(`/tickets/${ticket.ticketId}`);
  const actions = page.getByRole("region", { name: "Actions" });
  const modify = actions.getByRole("button", { name: "Modifier", exact: true });
  // One block of actions: no form of those four sits on the page itself.
  await expect(page.getByRole("form", { name: "Assigner" })).toBeHidden();

  await modify.focus();
  await page.keyboard.press("Enter");
  const sheet = page.getByRole("dialog", { name: "Modifier le ticket" });
  await expect(sheet).toBeVisible();
  for (const name of ["Changer le statut", "Assigner", "Planifier", "Changer la priorité"]) {
    await expect(sheet.getByRole("form", { name })).toBeVisible();
  }
  // Tab never leaves the dialog (the page behind is inert).
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press("Tab");
    expect(await sheet.evaluate((dialog) => dialog.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(modify).toBeFocused();
});

test("after a status change from the keyboard, focus stays on the button used", async ({ page }) => {
  const ticket = await newTicket("Focus statut");
  await page.goto(`/tickets/${ticket.ticketId}`);
  const sheet = await openTicketChanges(page);
  const status = sheet.getByRole("form", { name: "Changer le statut" });
  await status.getByLabel("Changer le statut").selectOption("diagnostic");
  const apply = status.getByRole("button", { name: "Changer" });
  await apply.focus();
  await page.keyboard.press("Enter");
  await expect(status.getByRole("status")).toHaveText("Modification enregistrée.");
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("diagnostic");
  await expect(page.getByTestId("timeline")).toContainText("Requête reçue → Diagnostic");
  await expect(apply).toBeFocused();
});

test("only the latest result shows: a refused schedule replaces the assignment's confirmation", async ({ page }) => {
  const ticket = await newTicket("Périmé");
  await page.goto(`/tickets/${ticket.ticketId}`);
  const sheet = await openTicketChanges(page);
  const assign = sheet.getByRole("form", { name: "Assigner" });
  await assign.getByLabel("Assigner à").selectOption({ label: "Toute l’équipe" });
  await assign.getByRole("button", { name: "Assigner" }).click();
  await expect(assign.getByRole("status")).toHaveText("Modification enregistrée.");

  const schedule = sheet.getByRole("form", { name: "Planifier" });
  await schedule.getByLabel("Date").fill("1900-01-01");
  await schedule.getByRole("button", { name: "Planifier" }).click();
  await expect(schedule.getByRole("alert")).toBeVisible();
  await expect(sheet.getByText("Modification enregistrée.")).toHaveCount(0);
});

test("a schedule before 2000 or more than five years ahead is refused in words, focus on the date", async ({ page }) => {
  const ticket = await newTicket("Bornes");
  await page.goto(`/tickets/${ticket.ticketId}`);
  const sheet = await openTicketChanges(page);
  const schedule = sheet.getByRole("form", { name: "Planifier" });
  const date = schedule.getByLabel("Date");
  await expect(date).toHaveAttribute("min", "2000-01-01");
  await expect(date).toHaveAttribute("max", /^20\d\d-\d\d-\d\d$/);

  await date.fill("1900-01-01");
  await schedule.getByRole("button", { name: "Planifier" }).click();
  await expect(schedule.getByText("La date doit être le samedi 1 janvier 2000 ou après.")).toBeVisible();
  await expect(date).toBeFocused();

  await date.fill("2099-06-01");
  await schedule.getByRole("button", { name: "Planifier" }).click();
  await expect(schedule.getByText(/^La date doit être au plus tard le .+ \(5 ans à partir d’aujourd’hui\)\.$/)).toBeVisible();
  expect((await ticketRow(ticket.id)).scheduled_date).toBeNull();
  await expect(page.getByText(/En retard de/)).toHaveCount(0);
});

test("a comment shows how long it is and an over-long one is refused, never cut", async ({ page }) => {
  const ticket = await newTicket("Compteur");
  await page.goto(`/tickets/${ticket.ticketId}`);
  const form = page.getByRole("form", { name: "Ajouter un commentaire" });
  const text = form.getByLabel("Votre commentaire");
  await text.fill("Joint usé");
  await expect(form.getByTestId("char-counter")).toHaveText("9 / 5000 caractères");

  await text.fill("x".repeat(20_000));
  await expect(form.getByTestId("char-counter")).toContainText("20000 / 5000 caractères — 5000 caractères au plus");
  expect((await text.inputValue()).length).toBe(20_000);
  await form.getByRole("button", { name: "Publier" }).click();
  await expect(form.getByText("Le commentaire doit contenir au plus 5000 caractères (il y en a 20000).")).toBeVisible();
  await expect(text).toBeFocused();
  expect(await queryD1(`SELECT id FROM ticket_comments WHERE ticket_id = ${ticket.id}`)).toEqual([]);
});
