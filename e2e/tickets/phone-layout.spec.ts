import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";
import { expectPageFitsWidth } from "../fixtures/layout";

test.use({ storageState: storageState("technician"), viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test("the board and a ticket page fit a 360 px phone; the columns scroll on their own", async ({ page }) => {
  const title = `Téléphone ${uniqueTag("ph")} avec un titre assez long pour devoir passer à la ligne`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  // More cards than a column shows: its "Afficher N de plus" link (with a screen-reader
  // suffix positioned off-flow) sits off screen to the right, where it once widened the page.
  for (let i = 0; i < 9; i++) await createTicketRow({ title: `Diagnostic ${uniqueTag("ph")}`, reporterEmail: account("operator").email, status: "diagnostic" });
  await page.goto("/tickets");
  await expect(page.getByTestId("column-received")).toBeVisible();
  await expect(page.getByTestId("column-diagnostic").getByRole("link", { name: /Afficher \d+ de plus/ })).toBeAttached();
  await expectPageFitsWidth(page);
  const board = page.locator("[data-board]");
  expect(await board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  await page.goto(`/tickets/${ticket.ticketId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("button", { name: /Je m’en occupe/ })).toBeVisible();
  await expectPageFitsWidth(page);
});
