import { expect, test } from "@playwright/test";
import { account, storageState } from "../../fixtures/accounts";
import { center, dropTarget, expectGhostUnder, visibleCenter } from "../../fixtures/board";
import { createTicketRow, ticketRow, uniqueTag } from "../../fixtures/tickets";

test.use({ storageState: storageState("technician") });

// Issue 11: press on the first card of a column, scroll the page with the wheel, drop on
// Diagnostic: the NEXT card moved. The card that moves is the one pressed, by its id.
test("the card held while the wheel scrolls the page is the one that lands where it is dropped", async ({ page }) => {
  const tag = uniqueTag("wheel");
  const tickets = [];
  // Enough cards in one column for the page to scroll under the held one.
  for (let i = 0; i < 6; i++) tickets.push(await createTicketRow({ title: `Roue ${tag} ${i}`, reporterEmail: account("operator").email }));
  const grabbed = tickets[5]!;
  const next = tickets[4]!;
  await page.goto(`/tickets?q=${tag}`);
  const received = page.getByTestId("column-received");
  await expect(received.locator("li[data-ticket]")).toHaveCount(6);
  await expect(received.locator("li[data-ticket]").first()).toHaveAttribute("data-ticket", String(grabbed.id));
  await expect(received.locator("li[data-ticket]").nth(1)).toHaveAttribute("data-ticket", String(next.id));

  // Press on the first card's number (not a control) and lift it.
  const start = await center(received.locator(`li[data-ticket="${grabbed.id}"] p`).first());
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 15, start.y + 15, { steps: 3 });
  await expectGhostUnder(page, grabbed.id, { x: start.x + 15, y: start.y + 15 });

  const scrolled = () => page.evaluate(() => window.scrollY);
  const before = await scrolled();
  await page.mouse.wheel(0, 300);
  await expect.poll(scrolled).toBeGreaterThan(before);

  // Drop on Diagnostic (on a phone, its tab, stuck at the top), wherever the scroll left it on the screen;
  // the held card follows the pointer there.
  const target = await visibleCenter(dropTarget(page, "diagnostic"));
  await page.mouse.move(target.x, target.y, { steps: 6 });
  await expectGhostUnder(page, grabbed.id, target);
  await page.mouse.up();

  await expect(page.getByTestId("column-diagnostic").locator(`li[data-ticket="${grabbed.id}"]`)).toBeVisible();
  await expect.poll(async () => (await ticketRow(grabbed.id)).status).toBe("diagnostic");
  await expect(received.locator(`li[data-ticket="${next.id}"]`)).toBeVisible();
  expect((await ticketRow(next.id)).status).toBe("received");
  await expect(page.getByRole("status")).toContainText(`${grabbed.ticketId} déplacé vers « Diagnostic »`);
});

test("a card released outside every column stays where it was", async ({ page }) => {
  const title = `Hors colonne ${uniqueTag("out")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  const card = page.getByTestId("column-received").locator(`li[data-ticket="${ticket.id}"]`);
  const start = await center(card.locator("p").first());
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Up to the page's title, above the board.
  const outside = await center(page.getByRole("heading", { level: 1 }));
  await page.mouse.move(outside.x, outside.y, { steps: 6 });
  await expectGhostUnder(page, ticket.id, outside);
  await page.mouse.up();

  await expect(page.locator(`[data-drag-ghost]`)).toHaveCount(0);
  await expect(card).toBeVisible();
  expect((await ticketRow(ticket.id)).status).toBe("received");
});
