import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { expectPageFitsWidth } from "../fixtures/layout";
import { uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("admin") });

test("on a phone an admin makes a screen's link, renames the screen, and every part of the page fits 360 px", async ({ page }) => {
  const tag = uniqueTag("mobile");
  await page.goto("/admin/screens");
  await expect(page.getByRole("heading", { level: 1, name: "Écrans de l’atelier" })).toBeVisible();
  await expectPageFitsWidth(page);
  const links = page.getByRole("region", { name: "Liens des écrans" });
  await links.getByRole("form", { name: "Nouvel écran" }).getByLabel("Nom de l’écran").fill(`Presses ${tag}`);
  await links.getByRole("button", { name: "Créer le lien" }).click();
  await expect(links.getByTestId("screen-link-once").getByLabel("Lien de l’écran")).toHaveValue(/\/tv\/[A-Za-z0-9_-]{43}$/);
  await expectPageFitsWidth(page);

  const id = await links.getByRole("listitem").filter({ hasText: `Presses ${tag}` }).getAttribute("data-screen-link");
  const row = links.locator(`[data-screen-link="${id}"]`);
  await row.getByText("Modifier", { exact: true }).click();
  await row.getByLabel("Nom de l’écran").fill(`Presses B ${tag}`);
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row.getByRole("status")).toHaveText("Écran modifié : il l’affiche à sa prochaine mise à jour.");
  await expect(row).toContainText(`Presses B ${tag}`);
  await expect(row).toContainText("En service");
  await expectPageFitsWidth(page);
});
