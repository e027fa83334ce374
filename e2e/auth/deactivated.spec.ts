import { expect, test } from "@playwright/test";
import { expectSignedIn, signInError, signInThroughForm } from "../fixtures/sign-in";
import { createUser, setUserActive } from "../fixtures/users";

test("a deactivated user's session stops working on the next request", async ({ page }) => {
  const user = await createUser({ name: "Compte Temporaire", role: "operator", password: "temporaire-2026-x" });
  await signInThroughForm(page, user.email, user.password);
  await expectSignedIn(page, user.name);

  await setUserActive(user.email, false);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);

  await signInThroughForm(page, user.email, user.password);
  await expect(signInError(page)).toHaveText("Ce compte est désactivé. Communiquez avec un administrateur.");
});
