import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";

// /stats at 360 px (phone project only).
test.use({ storageState: storageState("supervisor") });

test("the stats page reads on a 360 px phone: nothing wider than the screen, the table scrolls in its own box", async ({ page }) => {
  await page.goto("/stats?period=90");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fiabilité");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  for (const locator of [page.getByRole("button", { name: "Afficher" }), page.getByTestId("plant-mttr"), page.getByTestId("plant-availability"), page.getByLabel("Au (inclus)")]) {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  }
  const table = page.getByRole("region", { name: "Tableau des chiffres par machine, défilable" });
  await expect(table).toBeVisible();
  const box = await table.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
});
