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

test("a page's scripts carry no language catalogue: the words come with the page, not with its JavaScript", async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.ok()) scripts.push(response.text());
  });
  await page.goto("/tickets");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const bodies = await Promise.all(scripts);
  expect(bodies.length).toBeGreaterThan(3);
  // Words of the reliability page, in both languages: no script on the board has a reason to hold them.
  // The error boundary once imported the whole catalogue and put 29 kB gzip on every page's first load.
  for (const words of ["Arrêts des machines, réparations et tickets sur la période choisie.", "Machine stops, repairs and tickets over the chosen period."]) {
    expect(bodies.filter((body) => body.includes(words)).length, `scripts holding "${words}"`).toBe(0);
  }
});
