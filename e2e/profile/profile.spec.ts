import { expect, test } from "@playwright/test";
import { queryD1, sqlText } from "../fixtures/d1";
import { expectSignedIn, signInThroughForm } from "../fixtures/sign-in";
import { createUser } from "../fixtures/users";

test("a user renames themselves, picks English, and changes their password with the current one", async ({ page }) => {
  const user = await createUser({ name: "Profil Test", role: "technician", password: "profil-2026-ancien" });
  await signInThroughForm(page, user.email, user.password);
  await expectSignedIn(page, user.name);

  await page.getByRole("link", { name: "Mon profil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
  await page.getByLabel("Nom affiché").fill("Profil <i>Renommé</i>");
  await page.getByLabel("Langue préférée").selectOption("en");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
  await page.getByLabel("Account menu").click();
  await expect(page.getByTestId("user-name")).toHaveText("Profil <i>Renommé</i>");
  expect(await queryD1(`SELECT name, locale FROM users WHERE email = ${sqlText(user.email)}`)).toEqual([
    { name: "Profil <i>Renommé</i>", locale: "en" },
  ]);

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("profil-2026-nouveau");
  await page.getByLabel("Confirm the new password").fill("profil-2026-nouveau");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#current-error")).toHaveText("The current password is incorrect.");

  await page.getByLabel("Current password").fill(user.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("region", { name: "Password" }).getByRole("status")).toHaveText("Password changed. Your sessions have ended: sign in again with the new password.");
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

  // The preference follows the account into a new browser, where no language cookie exists yet;
  // a technician lands on their own work.
  await page.context().clearCookies();
  await signInThroughForm(page, user.email, "profil-2026-nouveau");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
});
