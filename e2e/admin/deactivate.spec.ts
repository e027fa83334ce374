import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { expectSignedIn, signInError, signInThroughForm } from "../fixtures/sign-in";
import { createUser } from "../fixtures/users";

test.use({ storageState: storageState("admin") });

test("an admin deactivates a signed-in user: their session stops on the next request and sign-in is refused", async ({ page, browser }) => {
  const user = await createUser({ name: "Opérateur Sortant", role: "operator", password: "sortant-2026-x" });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirs = await context.newPage();
  await signInThroughForm(theirs, user.email, user.password);
  await expectSignedIn(theirs, user.name);

  const [{ id }] = (await queryD1<{ id: number }>(`SELECT id FROM users WHERE email = ${sqlText(user.email)}`)) as [{ id: number }];
  await page.goto(`/admin/users/${id}`);
  await page.getByRole("button", { name: "Désactiver le compte" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Sa session prendra fin immédiatement");
  await dialog.getByRole("button", { name: "Annuler" }).click();
  expect(await queryD1(`SELECT active FROM users WHERE id = ${id}`)).toEqual([{ active: 1 }]);

  await page.getByRole("button", { name: "Désactiver le compte" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("status")).toHaveText(`Le compte de ${user.name} est désactivé.`);
  expect(await queryD1(`SELECT active FROM users WHERE id = ${id}`)).toEqual([{ active: 0 }]);

  await theirs.goto("/");
  await expect(theirs).toHaveURL(/\/sign-in$/);
  await signInThroughForm(theirs, user.email, user.password);
  await expect(signInError(theirs)).toHaveText("Ce compte est désactivé. Communiquez avec un administrateur.");
  await context.close();

  const [audit] = await queryD1<{ action: string; actor: string }>(
    `SELECT a.action, u.email AS actor FROM audit_logs a JOIN users u ON u.id = a.actor_id WHERE a.entity_id = '${id}' ORDER BY a.id DESC LIMIT 1`,
  );
  expect(audit).toEqual({ action: "user.deactivated", actor: "admin@atelier.demo" });
});

test("an admin's own page offers no way to deactivate themselves", async ({ page }) => {
  const [{ id }] = (await queryD1<{ id: number }>(`SELECT id FROM users WHERE email = 'admin@atelier.demo'`)) as [{ id: number }];
  await page.goto(`/admin/users/${id}`);
  await expect(page.getByText("C’est votre compte")).toBeVisible();
  await expect(page.getByRole("button", { name: "Désactiver le compte" })).toHaveCount(0);
});
