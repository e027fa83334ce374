import { expect, test, type Page } from "@playwright/test";
import { storageState } from "../fixtures/accounts";

test.use({ storageState: storageState("technician") });

/** The switch sits in the header on a desktop and in the tab bar's "Plus" menu on a phone. */
async function switchLanguage(page: Page, name: string) {
  const more = page.getByRole("navigation", { name: /^(Navigation principale|Main navigation)$/ }).getByText(/^(Plus|More)$/);
  if (await more.isVisible()) await more.click();
  await page.getByRole("button", { name }).click();
}

test("the language switch turns the whole shell to English and back", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon travail");
  await expect(page.getByRole("navigation", { name: "Afficher" }).getByRole("link", { name: /^À moi/ })).toBeVisible();

  await switchLanguage(page, "Switch to English");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My work");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-CA");
  await expect(page.getByText("Your tickets and the team’s, in the order to do them.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Show" }).getByRole("link", { name: /^Mine/ })).toBeVisible();

  // The choice is remembered across pages.
  await page.goto("/does-not-exist");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  await page.goto("/");
  await switchLanguage(page, "Passer en français");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon travail");
});

test("the sign-in page has the switch too", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await context.close();
});
