import { expect, test, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { touchFinger } from "../fixtures/board";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";

// The board on a 360 px phone: one column at a time under tabs with their counts,
// the search and filters behind one button, the export behind "…".
test.use({ storageState: storageState("technician") });

/** Tickets of the test's own in three columns: 1 received, 2 in diagnostic, 1 in progress. */
async function ownBoard(page: Page) {
  const tag = uniqueTag("ph");
  const reporterEmail = account("operator").email;
  const received = await createTicketRow({ title: `Reçu ${tag}`, reporterEmail });
  const diagnostic = [
    await createTicketRow({ title: `Diagnostic ${tag} 1`, reporterEmail, status: "diagnostic" }),
    await createTicketRow({ title: `Diagnostic ${tag} 2`, reporterEmail, status: "diagnostic" }),
  ];
  const inProgress = await createTicketRow({ title: `En cours ${tag}`, reporterEmail, status: "in_progress" });
  await page.goto(`/tickets?q=${tag}`);
  return { tag, received, diagnostic, inProgress };
}

const tab = (page: Page, name: RegExp) => page.getByRole("tablist", { name: "Colonnes du tableau" }).getByRole("tab", { name });

test("the first card starts within 200 px of the top, under the tabs, with no second Signaler", async ({ page }) => {
  const { received } = await ownBoard(page);
  const card = page.getByTestId("column-received").locator(`li[data-ticket="${received.id}"]`);
  await expect(card).toBeInViewport();
  expect((await card.boundingBox())!.y).toBeLessThanOrEqual(200);
  // The tab bar reports; the page does not say it twice.
  await expect(page.getByRole("main").getByRole("link", { name: /Signaler un problème/ })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Signaler", exact: true })).toBeVisible();
});

test("tabs carry each column's count; a tap, a swipe and the arrow keys change the column shown", async ({ page }) => {
  const { received, diagnostic, inProgress } = await ownBoard(page);
  const receivedTab = tab(page, /^Requête reçue 1 ticket$/);
  const diagnosticTab = tab(page, /^Diagnostic 2 tickets$/);
  const inProgressTab = tab(page, /^En cours 1 ticket$/);
  await expect(receivedTab).toHaveAttribute("aria-selected", "true");
  await expect(receivedTab).toContainText("1");
  await expect(diagnosticTab).toHaveAttribute("aria-selected", "false");
  await expect(page.getByRole("tabpanel", { name: /^Requête reçue/ })).toContainText(received.ticketId);
  const card = (id: number) => page.locator(`li[data-ticket="${id}"]`);
  await expect(card(received.id)).toBeInViewport();
  await expect(card(diagnostic[0]!.id)).not.toBeInViewport();

  // A tap on a tab shows its column.
  await diagnosticTab.tap();
  await expect(diagnosticTab).toHaveAttribute("aria-selected", "true");
  await expect(receivedTab).toHaveAttribute("aria-selected", "false");
  await expect(card(diagnostic[0]!.id)).toBeInViewport();
  await expect(card(diagnostic[1]!.id)).toBeInViewport();
  await expect(card(received.id)).not.toBeInViewport();

  // A finger swiping the board leftwards (from a card's text, not its handle) brings the next column, and its tab follows.
  const finger = await touchFinger(page);
  const line = (await card(diagnostic[0]!.id).getByTestId("card-assignee").boundingBox())!;
  const start = { x: line.x + line.width - 30, y: line.y + line.height / 2 };
  await finger.down(start);
  await finger.moveTo(start, { x: start.x - 200, y: start.y }, 10);
  await finger.up();
  await expect(inProgressTab).toHaveAttribute("aria-selected", "true");
  await expect(card(inProgress.id)).toBeInViewport();
  await expect(card(diagnostic[0]!.id)).not.toBeInViewport();

  // The keyboard: arrows move between tabs and show their column.
  await inProgressTab.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(diagnosticTab).toBeFocused();
  await expect(diagnosticTab).toHaveAttribute("aria-selected", "true");
  await expect(card(diagnostic[0]!.id)).toBeInViewport();
  await page.keyboard.press("Home");
  await expect(receivedTab).toBeFocused();
  await expect(card(received.id)).toBeInViewport();
});

test("the search and the filters are behind one button that says how many are in use", async ({ page }) => {
  const tag = uniqueTag("phf");
  const mine = await createTicketRow({ title: `Mien ${tag}`, reporterEmail: account("technician").email });
  const other = await createTicketRow({ title: `Autre ${tag}`, reporterEmail: account("operator").email });
  await page.goto("/tickets");
  // Nothing of the filters is on the page itself.
  await expect(page.getByRole("main").getByLabel("Rechercher")).toBeHidden();
  await expect(page.getByRole("link", { name: "Afficher les archivés" })).toBeHidden();
  const button = page.getByRole("button", { name: "Filtres", exact: true });
  await button.tap();

  const sheet = page.getByRole("dialog", { name: "Filtres" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("link", { name: "Afficher les archivés" })).toBeVisible();
  await sheet.getByLabel("Rechercher").fill(tag);
  await sheet.getByLabel("Mes tickets").check();
  await sheet.getByRole("button", { name: "Filtrer" }).tap();

  await expect(page).toHaveURL(new RegExp(`q=${tag}.*mine=1`));
  await expect(page.locator(`li[data-ticket="${mine.id}"]`)).toBeVisible();
  await expect(page.locator(`li[data-ticket="${other.id}"]`)).toHaveCount(0);
  const inUse = page.getByRole("button", { name: "Filtres (2 actifs)" });
  await expect(inUse).toContainText("2");

  // Opened again, the sheet shows what is in use; Fermer gives the focus back to the button.
  await inUse.tap();
  await expect(sheet.getByLabel("Rechercher")).toHaveValue(tag);
  await expect(sheet.getByLabel("Mes tickets")).toBeChecked();
  await sheet.getByRole("button", { name: "Fermer" }).tap();
  await expect(sheet).toBeHidden();
  await expect(inUse).toBeFocused();
});

test("the export is in the “…” menu, with the board's filters", async ({ page }) => {
  const { tag } = await ownBoard(page);
  await expect(page.getByRole("main").getByRole("link", { name: "Exporter (CSV)" })).toBeHidden();
  await page.getByLabel("Plus d’actions").tap();
  const link = page.getByRole("link", { name: "Exporter (CSV)" });
  await expect(link).toBeVisible();
  expect(Object.fromEntries(new URL((await link.getAttribute("href"))!, "http://board").searchParams)).toEqual({ q: tag });
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toContain("text/csv");
});
