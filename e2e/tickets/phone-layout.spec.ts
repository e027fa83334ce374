import { expect, test, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("technician"), viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("the board and a ticket page fit a 360 px phone; the columns scroll on their own", async ({ page }) => {
  const title = `Téléphone ${uniqueTag("ph")} avec un titre assez long pour devoir passer à la ligne`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto("/tickets");
  await expect(page.getByTestId("column-received")).toBeVisible();
  expect(await pageOverflow(page)).toBe(0);
  const board = page.locator("[data-board]");
  expect(await board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  await page.goto(`/tickets/${ticket.ticketId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("button", { name: /Je m’en occupe/ })).toBeVisible();
  expect(await pageOverflow(page)).toBe(0);
});
