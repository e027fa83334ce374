import { expect, test } from "@playwright/test";
import { account, storageState } from "../../fixtures/accounts";
import { center, dropTarget, expectGhostUnder, touchFinger, visibleCenter } from "../../fixtures/board";
import { createTicketRow, ticketRow, uniqueTag } from "../../fixtures/tickets";

test.use({ storageState: storageState("technician"), hasTouch: true });

test("a finger that drops a card on Terminé is asked first; Annuler leaves the ticket where it was", async ({ page }) => {
  const title = `Fin au doigt ${uniqueTag("tc")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email, status: "waiting_parts" });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  const waiting = page.getByTestId("column-waiting_parts");
  const completed = page.getByTestId("column-completed");
  // Where the card goes: Terminé's column, or on a phone (one column at a time) Terminé's tab.
  const target = dropTarget(page, "completed");
  // On a narrow screen the board scrolls sideways: bring "En attente de pièces" to the left edge, Terminé beside it
  // (on a phone: its column on screen, and Terminé's tab in the strip of tabs, as a finger would bring it).
  await waiting.evaluate((column) => column.scrollIntoView({ inline: "start", block: "nearest" }));
  const width = page.viewportSize()!.width;
  await expect
    .poll(async () => {
      await target.evaluate((element) => element.scrollIntoView({ inline: "nearest", block: "nearest" }));
      const from = (await waiting.locator(`li[data-ticket="${ticket.id}"] [data-drag-handle]`).boundingBox())!;
      const to = (await target.boundingBox())!;
      return from.x >= 0 && from.x + from.width <= width && Math.min(to.x + to.width, width) - to.x > 60;
    })
    .toBe(true);

  const drop = async () => {
    const handle = waiting.locator(`li[data-ticket="${ticket.id}"] [data-drag-handle]`);
    const start = await center(handle);
    const end = await visibleCenter(target);
    const finger = await touchFinger(page);
    await finger.down(start);
    await expectGhostUnder(page, ticket.id, start);
    await finger.moveTo(start, end);
    await finger.up();
  };

  await drop();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Déplacer ${ticket.ticketId} vers « Terminé » ?`);
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await expect(dialog).toBeHidden();
  await expect(waiting.locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  expect((await ticketRow(ticket.id)).status).toBe("waiting_parts");

  await drop();
  await dialog.getByRole("button", { name: "Déplacer" }).click();
  await expect(completed.locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("completed");
});
