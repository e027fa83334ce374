import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { labelledMachine } from "../fixtures/labels";
import { seriousAxeFindings } from "../fixtures/offline";
import { uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("admin") });

// At 360 px the A4 sheet (210 mm) is wider than the screen: its preview scrolls sideways,
// which a keyboard can do only if the scrolling box itself takes the focus.
test("at 360 px the sheet preview is a named region the keyboard reaches and scrolls", async ({ page }) => {
  const id = await labelledMachine(`Presse ${uniqueTag("apercu")}`);
  await page.goto(`/machines/labels?machine=${id}`);
  await expect(page.getByTestId("label-sheet")).toBeVisible();
  expect(await seriousAxeFindings(page)).toEqual([]);

  const preview = page.getByRole("region", { name: "Aperçu des feuilles à imprimer" });
  await page.getByRole("button", { name: "Télécharger le PDF" }).focus();
  for (let tab = 0; tab < 5 && !(await preview.evaluate((el) => el === document.activeElement)); tab++) await page.keyboard.press("Tab");
  await expect(preview).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => preview.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
