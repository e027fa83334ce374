import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, ticketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("supervisor") });

test("a ticket moves with the keyboard alone, through the Déplacer vers… menu", async ({ page }) => {
  const title = `Clavier ${uniqueTag("kb")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);

  // Tab from the search field until the card's menu button has focus.
  await page.getByRole("main").getByLabel("Rechercher").focus();
  const menuButton = page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` });
  for (let i = 0; i < 40 && !(await menuButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(menuButton).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Diagnostic" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "En cours" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("column-in_progress").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("in_progress");
  await expect(menuButton).toBeFocused();
});

test("moving to Terminé sets completed_at and moving out clears it", async ({ page }) => {
  const title = `Fin ${uniqueTag("done")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email, status: "in_progress" });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  await page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await page.getByRole("menuitem", { name: "Terminé" }).click();
  await expect.poll(async () => (await ticketRow(ticket.id)).completed_at).not.toBeNull();
  await page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await page.getByRole("menuitem", { name: "En cours" }).click();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("in_progress");
  expect((await ticketRow(ticket.id)).completed_at).toBeNull();
});
