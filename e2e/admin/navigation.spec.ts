import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { workerOrigin } from "../fixtures/d1";

test.use({ storageState: storageState("admin"), viewport: { width: 1280, height: 800 } });

// An admin has the most links (the team's pages, then the administration's). On a
// 1280 px desk they are one row under the top bar: a second row pushed every page down.
for (const [locale, navName] of [["fr", "Navigation principale"], ["en", "Main navigation"]] as const) {
  test(`at 1280 px, in ${locale}, the admin's navigation is one row and the header 113 px tall`, async ({ page }) => {
    await page.context().addCookies([{ name: "atelier-locale", value: locale, url: workerOrigin() }]);
    await page.goto("/");
    const links = page.getByRole("navigation", { name: navName }).getByRole("link");
    await expect(links.filter({ visible: true })).toHaveCount(12);
    const rows = await links.filter({ visible: true }).evaluateAll((all) => [...new Set(all.map((link) => Math.round(link.getBoundingClientRect().top)))]);
    expect(rows, "the top of each link").toHaveLength(1);
    expect((await page.locator("header").first().boundingBox())!.height).toBeLessThanOrEqual(113);
  });
}
