import { expect, test } from "@playwright/test";
import { account, storageState } from "../../fixtures/accounts";
import { queryD1 } from "../../fixtures/d1";
import { createTicketRow, ticketRow, uniqueTag } from "../../fixtures/tickets";
import { withoutLiveSocket } from "../../fixtures/board";

test.use({ storageState: storageState("technician") });

const statusEvents = async (id: number) =>
  (await queryD1<{ from_value: string; to_value: string }>(`SELECT from_value, to_value FROM ticket_events WHERE ticket_id = ${id} AND type = 'status' ORDER BY id`)).map(
    (e) => `${e.from_value}→${e.to_value}`,
  );

test("a move is undone from its notice with the keyboard, through the same checked move, and the timeline keeps both", async ({ page }) => {
  const title = `Annuler ${uniqueTag("undo")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email, status: "in_progress" });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  const menuButton = page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` });
  await menuButton.click();
  await page.getByRole("menuitem", { name: "Terminé" }).click();
  await expect(page.getByTestId("column-completed").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("completed");

  // Said in the live region, with its Annuler button; Shift+Tab from the card reaches it.
  const notice = page.getByRole("status");
  await expect(notice).toContainText(`${ticket.ticketId} déplacé vers « Terminé ».`);
  const undo = notice.getByRole("button", { name: "Annuler" });
  await expect(menuButton).toBeFocused();
  for (let i = 0; i < 10 && !(await undo.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("column-in_progress").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect(notice).toContainText(`${ticket.ticketId} remis dans « En cours ».`);
  await expect(menuButton).toBeFocused();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("in_progress");
  expect((await ticketRow(ticket.id)).completed_at).toBeNull();
  expect(await statusEvents(ticket.id)).toEqual(["in_progress→completed", "completed→in_progress"]);
});

test("an undo the server refuses (someone moved the ticket since) says why and shows where the ticket is", async ({ page }) => {
  const title = `Annuler tard ${uniqueTag("undo")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  // The board's socket is down, so it cannot hear of the move made behind its back.
  await withoutLiveSocket(page);
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  await page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await page.getByRole("menuitem", { name: "Diagnostic" }).click();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("diagnostic");

  await queryD1(`UPDATE tickets SET status = 'waiting_parts' WHERE id = ${ticket.id}`);
  await page.getByRole("status").getByRole("button", { name: "Annuler" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Déplacement annulé" })).toContainText("déplacé ou modifié entre-temps");
  await expect(page.getByTestId("column-waiting_parts").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  expect((await ticketRow(ticket.id)).status).toBe("waiting_parts");
});
