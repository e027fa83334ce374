import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { expectGhostUnder } from "../fixtures/board";
import { createTicketRow, ticketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("technician"), viewport: { width: 1280, height: 900 }, hasTouch: true });

test("a finger drags a card by its handle to another column, after a short press", async ({ page }) => {
  const title = `Doigt ${uniqueTag("touch")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  const handle = page.locator(`li[data-ticket="${ticket.id}"] [title^="Glisser"]`);
  await expect(handle).toBeVisible();
  const from = (await handle.boundingBox())!;
  const to = (await page.getByTestId("column-in_progress").boundingBox())!;

  // Real touch input through the DevTools protocol: the browser turns it into pointer events.
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1 }];
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + 60 };
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(start.x, start.y) });
  // The press lifts the card; a finger that moves at once scrolls the page instead.
  await expectGhostUnder(page, ticket.id, start);
  for (let step = 1; step <= 10; step++) {
    const x = start.x + ((end.x - start.x) * step) / 10;
    const y = start.y + ((end.y - start.y) * step) / 10;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(x, y) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });

  await expect(page.getByTestId("column-in_progress").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("in_progress");
});
