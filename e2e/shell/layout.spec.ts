import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { expectPageFitsWidth } from "../fixtures/layout";
import { createTicketRow, uniqueTag, userId } from "../fixtures/tickets";

test.use({ storageState: storageState("supervisor") });

test("the dashboard shows the database's figures and fits the screen", async ({ page }) => {
  // An overdue ticket of its own, due before any other test's (the list is oldest first, 20 at most).
  const title = `Tableau ${uniqueTag("dash")}`;
  const overdue = await createTicketRow({
    title,
    reporterEmail: account("operator").email,
    assignedTo: await userId(account("technician").email),
    scheduledDate: new Date(Date.now() - 20 * 365 * 86_400_000),
  });
  const received = async () => (await queryD1<{ n: number }>("SELECT COUNT(*) AS n FROM tickets WHERE status = 'received' AND deleted_at IS NULL"))[0]!.n;
  // The count is the whole plant's: read on both sides of the page load, so it is the page's own figure.
  const before = await received();
  await page.goto("/");
  expect(await received()).toBe(before);
  await expect(page.getByTestId("count-received").locator("dd")).toHaveText(String(before));

  const list = page.getByTestId("overdue-list");
  await expect(list.getByRole("listitem").filter({ hasText: overdue.ticketId })).toContainText("En retard de");
  // The list stops at 20, however many are overdue.
  expect(await list.getByRole("listitem").count()).toBeLessThanOrEqual(20);

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
