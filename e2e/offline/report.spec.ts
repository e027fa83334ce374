import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { reportOfflineThenOnline } from "../fixtures/offline";
import { createMachineRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("technician") });

test("a report with a photo made offline is kept on the device, survives a reload, and exists exactly once with its photo when the network returns", async ({ page, context }) => {
  await reportOfflineThenOnline(page, context);
});

test("what was typed in the report form survives the tab being closed, and goes once the report is sent", async ({ page, context }) => {
  const title = `Brouillon ${uniqueTag("off")}`;
  const machineId = await createMachineRow(`Tour ${uniqueTag("off")}`);
  await page.goto(`/tickets/new?machine=${machineId}`);
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Description").fill("Vibration au démarrage");
  await page.close();

  const again = await context.newPage();
  await again.goto(`/tickets/new?machine=${machineId}`);
  await expect(again.getByLabel("Titre")).toHaveValue(title);
  await expect(again.getByLabel("Description")).toHaveValue("Vibration au démarrage");
  await again.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(again).toHaveURL(/\/tickets\/TKT-M\d{3,}-\d{8}-\d{3}\?reported=1$/);
  expect(await queryD1(`SELECT id FROM tickets WHERE title = ${sqlText(title)}`)).toHaveLength(1);

  await again.goto(`/tickets/new?machine=${machineId}`);
  await expect(again.getByRole("heading", { level: 1, name: "Signaler un problème" })).toBeVisible();
  await expect(again.getByLabel("Titre")).toHaveValue("");
});
