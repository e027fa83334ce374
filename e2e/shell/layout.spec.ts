import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { expectPageFitsWidth } from "../fixtures/layout";

test.use({ storageState: storageState("supervisor") });

test("the dashboard shows the database's figures and fits the screen", async ({ page }) => {
  await page.goto("/");
  const [{ n: received }] = (await queryD1<{ n: number }>(
    "SELECT COUNT(*) AS n FROM tickets WHERE status = 'received' AND deleted_at IS NULL",
  )) as [{ n: number }];
  await expect(page.getByTestId("count-received").locator("dd")).toHaveText(String(received));

  const overdue = await queryD1<{ ticket_id: string }>(
    "SELECT ticket_id FROM tickets WHERE assigned_to IS NOT NULL AND scheduled_date IS NOT NULL AND status IN ('received','diagnostic') AND deleted_at IS NULL AND datetime(scheduled_date) < datetime('now')",
  );
  expect(overdue.length).toBeGreaterThan(0);
  const list = page.getByTestId("overdue-list");
  await expect(list.getByRole("listitem")).toHaveCount(Math.min(overdue.length, 20));
  await expect(list).toContainText(overdue[0]!.ticket_id);
  await expect(list).toContainText("En retard de");

  await expectPageFitsWidth(page);
});

test("an unknown page is a French 404 without technical details", async ({ page }) => {
  const response = await page.goto("/machines-inexistantes");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(|node_modules/);
});

test("the user menu opens from the keyboard", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Menu du compte").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("user-role")).toHaveText("Superviseur");
  await expect(page.getByRole("link", { name: "Se déconnecter" })).toBeVisible();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an unknown address sends the visitor to sign-in, not to a page that says what exists", async ({ page }) => {
    await page.goto("/machines-inexistantes");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
  });
});
