import { expect, test } from "@playwright/test";
import { demoAccounts } from "../../prisma/seed.ts";
import { expectSignedIn, signInError, signInThroughForm } from "../fixtures/sign-in";
import { createUser } from "../fixtures/users";

test.describe("signing in and out", () => {
  // Signing a demo account out would end the sessions the other specs reuse
  // (sign-out ends every session of the user): it is tested on a user of its own.
  for (const account of demoAccounts) {
    test(`the ${account.role} demo account signs in`, async ({ page }) => {
      await signInThroughForm(page, account.email, account.password);
      await expectSignedIn(page, account.name);
    });
  }

  test("a user signs out from the header's link", async ({ page }) => {
    const user = await createUser({ name: "Sortie Simple", role: "technician", password: "sortie-2026-simple" });
    await signInThroughForm(page, user.email, user.password);
    await expectSignedIn(page, user.name);

    await page.getByRole("link", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("heading", { name: "Déconnexion" })).toBeVisible();
    await page.getByRole("button", { name: "Se déconnecter" }).click();

    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expect(page.getByRole("status")).toHaveText("Vous êtes déconnecté.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a wrong password shows an error and keeps the visitor out", async ({ page }) => {
    // An account of its own: failures count towards the account's throttle, and the demo logins sign every spec in.
    const operator = await createUser({ name: "Mauvais Essai", role: "operator", password: "le-bon-2026-essai" });
    await signInThroughForm(page, operator.email, "not-the-password");
    await expect(signInError(page)).toHaveText("Courriel ou mot de passe incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel("Courriel")).toHaveValue(operator.email);
  });

  test("an empty form asks for both fields", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(signInError(page)).toHaveText("Entrez votre courriel et votre mot de passe.");
  });

  test("an unauthenticated visit is redirected to sign-in", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.ok()).toBe(true);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  });

  test("five failures in a row make the account wait a minute, even with the right password", async ({ page }) => {
    const user = await createUser({ name: "Compte Verrou", role: "technician", password: "bon-mot-de-passe-42" });
    for (let i = 0; i < 5; i++) {
      await signInThroughForm(page, user.email, `mauvais-${i}`);
      await expect(signInError(page)).toHaveText("Courriel ou mot de passe incorrect.");
    }
    await signInThroughForm(page, user.email, user.password);
    await expect(signInError(page)).toHaveText("Trop de tentatives échouées. Réessayez dans 1 min.");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
