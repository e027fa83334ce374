import { expect, test } from "@playwright/test";
import { account, storageState } from "../../fixtures/accounts";
import { center, columnAt, dropTarget, expectGhostUnder, touchFinger } from "../../fixtures/board";
import { createTicketRow, ticketRow, uniqueTag } from "../../fixtures/tickets";

test.use({ storageState: storageState("technician"), hasTouch: true });

// Issue 11: a finger dragging a card about 75 px to the right scrolled the board about
// 950 px in a quarter of a second, and the card landed columns away. On a phone the board
// shows one column: the next one is its tab, above the column.
test("a finger that presses a card's handle and moves to the next column (75 px right; on a phone, its tab) drops it there, and the board stays put", async ({ page }) => {
  const title = `Doigt ${uniqueTag("t75")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  const handle = page.getByTestId("column-received").locator(`li[data-ticket="${ticket.id}"] [data-drag-handle]`);
  await expect(handle).toBeVisible();
  const board = page.locator("[data-board]");
  const scrollLeft = () => board.evaluate((element) => element.scrollLeft);
  const before = await scrollLeft();

  const finger = await touchFinger(page);
  const start = await center(handle);
  const phone = page.viewportSize()!.width < 768;
  const end = phone ? await center(dropTarget(page, "diagnostic")) : { x: start.x + 75, y: start.y };
  await finger.down(start);
  // A short press lifts the card; only then does the finger move it.
  await expectGhostUnder(page, ticket.id, start);
  await finger.moveTo(start, end);
  await expectGhostUnder(page, ticket.id, end);
  expect(await columnAt(page, end)).toBe("diagnostic");
  await finger.up();

  await expect(page.getByTestId("column-diagnostic").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("diagnostic");
  expect(Math.abs((await scrollLeft()) - before)).toBeLessThan(40);
});
