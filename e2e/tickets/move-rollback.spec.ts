import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { createTicketRow, ticketRow, uniqueTag } from "../fixtures/tickets";
import { withoutLiveSocket } from "../fixtures/board";

test.use({ storageState: storageState("technician") });

test("a move the server refuses rolls back with the reason, and the board shows where the ticket really is", async ({ page }) => {
  const title = `Conflit ${uniqueTag("rb")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  // The board's socket is down, so it cannot hear of the move made behind its back.
  await withoutLiveSocket(page);
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId("column-received").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();

  // Someone else moves it while this board is open.
  await queryD1(`UPDATE tickets SET status = 'waiting_parts' WHERE id = ${ticket.id}`);
  await page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await page.getByRole("menuitem", { name: "Diagnostic" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Déplacement annulé" })).toContainText("déplacé ou modifié entre-temps");
  await expect(page.getByTestId("column-waiting_parts").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect(page.getByTestId("column-diagnostic").locator(`li[data-ticket="${ticket.id}"]`)).toHaveCount(0);
  expect((await ticketRow(ticket.id)).status).toBe("waiting_parts");
});
