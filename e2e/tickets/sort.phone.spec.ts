import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createMachineRow, createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("technician") });

test("on a phone the order is chosen in the filters' sheet, whose button then counts it", async ({ page }) => {
  const tag = uniqueTag("trimobile");
  const machineId = await createMachineRow(`Tour ${tag}`);
  await createTicketRow({ title: `Basse ${tag}`, reporterEmail: account("operator").email, machineId, priority: "low" });
  await createTicketRow({ title: `Critique ${tag}`, reporterEmail: account("operator").email, machineId, priority: "critical" });
  await page.goto(`/tickets?q=${tag}`);
  await page.getByRole("button", { name: /Filtres/ }).click();
  const sheet = page.getByRole("dialog", { name: "Filtres" });
  await sheet.getByRole("navigation", { name: "Trier" }).getByRole("link", { name: "Urgence" }).click();
  await expect(page).toHaveURL(/sort=urgency/);
  await expect(page.getByRole("button", { name: "Filtres (2 actifs)" })).toBeVisible();
  await expect(page.getByTestId("column-received").getByRole("heading", { level: 3 })).toHaveText([`Critique ${tag}`, `Basse ${tag}`]);
});
