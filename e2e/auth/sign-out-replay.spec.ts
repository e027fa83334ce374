import { expect, test, type BrowserContext } from "@playwright/test";
import { expectSignedIn, signInThroughForm } from "../fixtures/sign-in";
import { createUser } from "../fixtures/users";

// Replays the session cookie an attacker (or a shared computer's next user) kept.
async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => cookie.name.includes("session-token"));
}

test("sign-out ends this browser's session: its kept cookie opens nothing, another browser stays signed in", async ({ page, context, browser }) => {
  const user = await createUser({ name: "Rejeu Session", role: "technician", password: "rejeu-2026-session" });
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signInThroughForm(phonePage, user.email, user.password);
  await expectSignedIn(phonePage, user.name);

  await signInThroughForm(page, user.email, user.password);
  await expectSignedIn(page, user.name);
  const kept = await sessionCookies(context);
  expect(kept.length).toBeGreaterThan(0);

  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);

  await context.addCookies(kept);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in$/);

  await context.addCookies(kept);
  const answer = await page.request.get("/api/auth/session");
  expect(await answer.json()).toBeNull();
  expect(answer.headers()["set-cookie"] ?? "").not.toMatch(/session-token=[^;]/);

  await phonePage.goto("/profile");
  await expect(phonePage).toHaveURL(/\/profile$/);
  await expect(phonePage.getByRole("heading", { level: 1 })).toBeVisible();
  await phone.close();
});

test("Se déconnecter de tous les appareils ends the sessions of another browser too", async ({ page, browser }) => {
  const user = await createUser({ name: "Deux Appareils", role: "operator", password: "appareils-2026-deux" });
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInThroughForm(otherPage, user.email, user.password);
  await expectSignedIn(otherPage, user.name);

  await signInThroughForm(page, user.email, user.password);
  await expectSignedIn(page, user.name);
  await page.goto("/profile");
  await page.getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);

  await otherPage.goto("/profile");
  await expect(otherPage).toHaveURL(/\/sign-in$/);
  await other.close();
});
