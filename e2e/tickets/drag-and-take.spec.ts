import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, ticketRow, uniqueTag, userId } from "../fixtures/tickets";

test.use({ storageState: storageState("technician") });

test("a technician drags a ticket to Diagnostic and takes it", async ({ page }) => {
  const title = `Bruit ${uniqueTag("drag")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);

  const card = page.locator(`li[data-ticket="${ticket.id}"]`);
  await expect(page.getByTestId("column-received").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await card.dragTo(page.getByTestId("column-diagnostic"));

  await expect(page.getByTestId("column-diagnostic").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect(page.getByRole("status")).toContainText(`${ticket.ticketId} déplacé vers « Diagnostic »`);
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("diagnostic");

  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: /Je m’en occupe/ }).click();
  await expect(page.getByTestId("ticket-assignee")).toHaveText(account("technician").name);
  expect((await ticketRow(ticket.id)).assigned_to).toBe(await userId(account("technician").email));
  await expect(page.getByTestId("timeline")).toContainText(`${account("technician").name} a changé le statut : Requête reçue → Diagnostic`);
  // A technician cannot assign others, schedule or change priority: those controls are not offered.
  await expect(page.getByLabel("Assigner à")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Planifier" })).toHaveCount(0);
});

test("a completed ticket is nobody's to take: its page offers no 'Je m’en occupe', to a technician or a supervisor", async ({ browser, page }) => {
  const title = `Terminé ${uniqueTag("done")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email, status: "completed" });
  const open = await createTicketRow({ title: `Ouvert ${uniqueTag("open")}`, reporterEmail: account("operator").email });
  const supervisor = await browser.newContext({ storageState: storageState("supervisor") });
  for (const reader of [page, await supervisor.newPage()]) {
    await reader.goto(`/tickets/${ticket.ticketId}`);
    await expect(reader.getByRole("region", { name: "Actions" })).toBeVisible();
    await expect(reader.getByRole("button", { name: /Je m’en occupe/ })).toHaveCount(0);
    // The same reader is offered it on an open ticket that is not theirs.
    await reader.goto(`/tickets/${open.ticketId}`);
    await expect(reader.getByRole("button", { name: /Je m’en occupe/ }).first()).toBeVisible();
  }
  await supervisor.close();
});
