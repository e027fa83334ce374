import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("technician") });

test("filters combine and live in the URL", async ({ page }) => {
  const tag = uniqueTag("flt");
  const mine = await createTicketRow({ title: `Mien ${tag}`, reporterEmail: account("technician").email });
  const other = await createTicketRow({ title: `Autre ${tag}`, reporterEmail: account("operator").email });
  await page.goto("/tickets");
  await page.getByRole("main").getByLabel("Rechercher").fill(tag);
  await page.locator("summary", { hasText: "Filtres" }).click();
  await page.getByLabel("Mes tickets").check();
  await page.getByRole("button", { name: "Filtrer" }).click();

  await expect(page).toHaveURL(new RegExp(`q=${tag}.*mine=1`));
  await expect(page.locator(`li[data-ticket="${mine.id}"]`)).toBeVisible();
  await expect(page.locator(`li[data-ticket="${other.id}"]`)).toHaveCount(0);

  // The same URL, opened fresh, gives the same board.
  await page.goto(page.url());
  await expect(page.getByLabel("Mes tickets")).toBeChecked();
  await expect(page.getByTestId("ticket-card")).toHaveCount(1);
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(page).toHaveURL(/\/tickets$/);
});
