import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { createMachineRow, uniqueTag } from "../fixtures/tickets";
import { expectPageFitsWidth } from "../fixtures/layout";

// Runs in the phone project too (playwright.config.ts): a label is scanned with a phone.
test("scanning a machine's label signs in, then opens the report on that machine, camera first", async ({ page }) => {
  const name = `Scie ${uniqueTag("scan")}`;
  const machineId = await createMachineRow(name);

  await page.goto(`/m/${machineId}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const { email, password } = account("technician");
  await page.getByLabel(/Courriel|Email/).fill(email);
  await page.getByLabel(/Mot de passe|Password/).fill(password);
  await page.getByRole("button", { name: /Se connecter|Sign in/ }).click();

  await expect(page).toHaveURL(new RegExp(`/tickets/new\\?machine=${machineId}&from=label$`));
  const form = page.getByRole("form", { name: "Signaler un problème" });
  await expect(form.getByLabel("Machine", { exact: true })).toHaveValue(String(machineId));
  // The camera is the form's first field.
  const camera = form.getByLabel("Prendre une photo du problème");
  await expect(camera).toHaveAttribute("capture", "environment");
  expect(await form.locator("input:not([type=hidden]), select, textarea").first().getAttribute("id")).toBe("field-camera");
  await expectPageFitsWidth(page);

  const title = `Lame émoussée ${uniqueTag("t")}`;
  await form.getByLabel("Titre").fill(title);
  await form.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page).toHaveURL(/\/tickets\/TKT-/);
  const [ticket] = await queryD1<{ machine_id: number }>(`SELECT machine_id FROM tickets WHERE title = ${sqlText(title)}`);
  expect(ticket?.machine_id).toBe(machineId);

  // Signed in, a second scan goes straight to the form.
  await page.goto(`/m/${machineId}`);
  await expect(page).toHaveURL(new RegExp(`/tickets/new\\?machine=${machineId}&from=label$`));
});

test("a label address that names no machine id answers the app's 404 page, in HTML", async ({ page }) => {
  for (const path of ["/m/abc", "/m/0", "/m/3x"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    expect(response?.headers()["content-type"], path).toMatch(/^text\/html/);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Retour au tableau de bord" })).toBeVisible();
  }
});

test("the label of a machine that no longer exists opens the report form, which says so in a sentence", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("technician") });
  const page = await context.newPage();
  const next = (await queryD1<{ next: number }>("SELECT COALESCE(MAX(id), 0) + 1000 AS next FROM machines"))[0]!.next;
  await page.goto(`/m/${next}`);
  await expect(page).toHaveURL(new RegExp(`/tickets/new\\?machine=${next}&from=label$`));
  const form = page.getByRole("form", { name: "Signaler un problème" });
  const machine = form.getByLabel("Machine", { exact: true });
  await expect(machine).toHaveValue("");
  await expect(machine).toHaveAccessibleDescription(`La machine de cette étiquette (n° ${next}) n’existe plus dans Atelier : choisissez la machine dans la liste, et signalez l’étiquette à un administrateur.`);
  await expect(page.getByText(`La machine de cette étiquette (n° ${next}) n’existe plus`)).toBeVisible();
  await expectPageFitsWidth(page);
  await context.close();
});
