import { expect, test, type Page } from "@playwright/test";
import { storageState } from "../fixtures/accounts";

// What the main forms say about an empty or over-long field, in French and in
// English: sentences that name the field, never the validator's words.
const JARGON = /\b(string|expected|received|undefined|Too small|Too big|Trop petit|Trop grand|attendu)\b|≥|≤|>=|<=/i;

async function inEnglish(page: Page) {
  await page.context().addCookies([{ name: "atelier-locale", value: "en", url: test.info().project.use.baseURL! }]);
}

async function errorsOf(page: Page) {
  return page.locator('[id$="-error"]').allTextContents();
}

test.describe("as an operator", () => {
  test.use({ storageState: storageState("operator") });

  test("an empty report says which fields to fill, in French, with focus on the first", async ({ page }) => {
    await page.goto("/tickets/new");
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(page.locator("#field-title-error")).toHaveText("Le titre est obligatoire.");
    await expect(page.locator("#field-machineId-error")).toHaveText("Choisissez une machine.");
    await expect(page.getByLabel("Titre")).toBeFocused();

    await page.getByLabel("Titre").fill("ab");
    await page.getByLabel("Description").fill("x".repeat(5001));
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(page.locator("#field-title-error")).toHaveText("Le titre doit contenir au moins 3 caractères.");
    await expect(page.locator("#field-description-error")).toHaveText("La description doit contenir au plus 5000 caractères (il y en a 5001).");
    for (const text of await errorsOf(page)) expect(text).not.toMatch(JARGON);
  });

  test("the same report in English", async ({ page }) => {
    await inEnglish(page);
    await page.goto("/tickets/new");
    await page.getByLabel("Title").fill("ab");
    await page.getByRole("button", { name: "Send the report" }).click();
    await expect(page.locator("#field-title-error")).toHaveText("Title must be at least 3 characters.");
    await expect(page.locator("#field-machineId-error")).toHaveText("Choose a machine.");
    await expect(page.getByLabel("Title")).toBeFocused();
    for (const text of await errorsOf(page)) expect(text).not.toMatch(JARGON);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageState("admin") });

  test("an empty machine and an empty profile name are refused in words", async ({ page }) => {
    await page.goto("/machines/new");
    await page.getByRole("button", { name: "Créer la machine" }).click();
    await expect(page.locator("#field-machineType-error")).toHaveText("Le type de machine est obligatoire.");
    await expect(page.getByLabel("Type de machine")).toBeFocused();

    await inEnglish(page);
    await page.goto("/profile");
    await page.getByLabel("Display name").fill("");
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect(page.locator("#name-error")).toHaveText("Name is required.");
    for (const text of await errorsOf(page)) expect(text).not.toMatch(JARGON);
  });
});
