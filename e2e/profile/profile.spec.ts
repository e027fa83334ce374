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
  await page.getByRole("region", { name: "Renseignements" }).getByRole("button", { name: "Enregistrer" }).click();
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

test("a display name with a hidden character or one that looks like an active colleague's is refused next to the field, in English too", async ({ page }) => {
  const user = await createUser({ name: "Sosie Profil", role: "operator", password: "sosie-2026-profil" });
  await page.context().addCookies([{ name: "atelier-locale", value: "en", url: test.info().project.use.baseURL! }]);
  await signInThroughForm(page, user.email, user.password);
  await expectSignedIn(page, user.name);
  await page.goto("/profile");
  // The demo supervisor is the Marc Gagnon of issue 21's audit.
  await page.getByLabel("Display name").fill("Marc Gagnon\u200b");
  await page.getByRole("region", { name: "Details" }).getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#name-error")).toHaveText("This name contains an invisible character (zero-width space, soft hyphen, text direction mark…). Type it on the keyboard rather than pasting it.");
  await page.getByLabel("Display name").fill("MARC GAGNON");
  await page.getByRole("region", { name: "Details" }).getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#name-error")).toHaveText("An active account already has this name, or one that looks the same (capitals, accents and look-alike letters do not count). Add an initial or a nickname to tell you apart.");
  expect(await queryD1(`SELECT name FROM users WHERE email = ${sqlText(user.email)}`)).toEqual([{ name: "Sosie Profil" }]);
});
