import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { createMachineRow, createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("admin") });

test("an admin creates a machine", async ({ page }) => {
  const name = `Fraiseuse ${uniqueTag("m")}`;
  await page.goto("/machines");
  await page.getByRole("link", { name: /Ajouter une machine/ }).click();
  await page.getByLabel("Type de machine").fill(name);
  await page.getByLabel("Modèle").fill("Bridgeport V2");
  await page.getByLabel("Emplacement").fill("Atelier C");
  await page.getByRole("button", { name: "Créer la machine" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} Bridgeport V2`);
  const [row] = await queryD1<{ id: number; status: string }>(`SELECT id, status FROM machines WHERE machine_type = '${name}'`);
  expect(row?.status).toBe("operational");
  expect(await queryD1(`SELECT action FROM audit_logs WHERE entity_type = 'machine' AND entity_id = '${row!.id}'`)).toEqual([{ action: "machine.created" }]);
  await page.goto(`/machines?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("machine-list").getByRole("listitem")).toHaveCount(1);
});

test("an admin cannot delete a machine with tickets and marks it out of service instead, which its cards show", async ({ page }) => {
  const name = `Presse ${uniqueTag("oos")}`;
  const machineId = await createMachineRow(name);
  const ticket = await createTicketRow({ title: `Sur ${name}`, reporterEmail: account("operator").email, machineId });
  await page.goto(`/machines/${machineId}`);
  await expect(page.getByRole("link", { name: `Sur ${name}` })).toBeVisible();

  await page.getByRole("button", { name: "Supprimer la machine" }).click();
  await page.getByRole("button", { name: "Oui, supprimer" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("Mettez-la plutôt hors service");
  await page.getByRole("dialog").getByRole("button", { name: "Annuler" }).click();

  await page.getByRole("button", { name: /Mettre hors service/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Mettre hors service" }).click();
  await expect(page.locator("h1 + div")).toContainText("Hors service");
  expect(await queryD1(`SELECT status FROM machines WHERE id = ${machineId}`)).toEqual([{ status: "out_of_service" }]);

  await page.goto(`/tickets?q=${encodeURIComponent(name)}`);
  await expect(page.locator(`li[data-ticket="${ticket.id}"]`)).toContainText("Machine hors service");
});

test("other roles see machines but no admin controls", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("supervisor") });
  const page = await context.newPage();
  await page.goto("/machines");
  await expect(page.getByTestId("machine-list")).toBeVisible();
  await expect(page.getByRole("link", { name: /Ajouter une machine/ })).toHaveCount(0);
  const response = await page.goto("/machines/new");
  expect(response?.status()).toBe(404);
  await context.close();
});
