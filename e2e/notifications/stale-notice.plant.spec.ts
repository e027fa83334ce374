import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { resetWebhookSettings } from "../fixtures/webhooks";

test.use({ storageState: storageState("admin") });
test.afterEach(resetWebhookSettings);

test("“save a URL first” leaves the page once a URL is saved", async ({ page }) => {
  await resetWebhookSettings();
  await page.goto("/admin/notifications");
  await page.getByRole("button", { name: "Envoyer un webhook de test" }).click();
  const notice = page.getByText("Enregistrez d’abord une URL de webhook.");
  await expect(notice).toBeVisible();

  await page.getByLabel("URL du webhook").fill("http://localhost:9/hook");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Réglages enregistrés." })).toBeVisible();
  await expect(notice).toHaveCount(0);
});
