import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { offline, online, outboxCount, seriousAxeFindings, workerReady } from "../fixtures/offline";
import { createTicketRow, openTicketChanges, ticketRow, uniqueTag, userId } from "../fixtures/tickets";

test.use({ storageState: storageState("technician") });

const statusEvents = async (id: number) => (await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ${id} AND type = 'status'`))[0]!.n;

test("a status change made offline on a ticket someone moved meanwhile says what happened, and stays until the person drops it", async ({ page, context }) => {
  const ticket = await createTicketRow({ title: `Conflit hors ligne ${uniqueTag("off")}`, reporterEmail: account("operator").email });
  await page.goto(`/tickets/${ticket.ticketId}`);
  await workerReady(page);
  await offline(context, page);

  const sheet = await openTicketChanges(page);
  const form = sheet.getByRole("form", { name: "Changer le statut" });
  await form.getByLabel("Changer le statut").selectOption("completed");
  await form.getByRole("button", { name: "Changer" }).click();
  await expect(form.getByRole("status")).toContainText("Pas de réseau : c’est gardé sur l’appareil");
  await sheet.getByRole("button", { name: "Fermer" }).click();
  const pending = page.getByRole("region", { name: "Actions" }).getByTestId("pending-item");
  await expect(pending).toContainText(`${ticket.ticketId}`);
  await expect(pending).toContainText(/vers «\sTerminé\s»/);
  await expect(pending).toContainText("En attente d’envoi");

  // Meanwhile, on the floor's network, the supervisor starts it.
  const supervisor = await userId(account("supervisor").email);
  const at = new Date().toISOString().replace("Z", "+00:00");
  await queryD1(`UPDATE tickets SET status = 'in_progress', updated_at = '${at}' WHERE id = ${ticket.id}`);
  await queryD1(`INSERT INTO ticket_events (ticket_id, actor_id, type, from_value, to_value, created_at) VALUES (${ticket.id}, ${supervisor}, 'status', 'received', 'in_progress', '${at}')`);

  await online(context);
  await expect(pending).toHaveAttribute("data-state", "refused");
  await expect(pending.getByRole("alert")).toHaveText(
    new RegExp(`^Ce ticket est déjà «\\sEn cours\\s» \\(déplacé par ${account("supervisor").name} à \\d{1,2}\\sh\\s\\d{2}\\)\\s: votre changement n’a pas été appliqué\\.$`),
  );
  expect((await ticketRow(ticket.id)).status).toBe("in_progress");
  expect(await statusEvents(ticket.id)).toBe(1);
  expect(await seriousAxeFindings(page)).toEqual([]);

  // Nothing is lost: after a reload the change is still there, with why it was not applied.
  await page.reload();
  await expect(pending).toHaveAttribute("data-state", "refused");
  await expect(outboxCount(page)).toHaveText("1");
  await pending.getByRole("button", { name: "Abandonner" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Abandonner" }).click();
  await expect(pending).toHaveCount(0);
  await expect(outboxCount(page)).toHaveCount(0);
  expect((await ticketRow(ticket.id)).status).toBe("in_progress");
});

test("a move made on the board without a network is kept, and written once when the network returns", async ({ page, context }) => {
  const title = `Tableau hors ligne ${uniqueTag("off")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
  await workerReady(page);
  await expect(page.getByTestId("column-received").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await offline(context, page);

  await page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await page.getByRole("menuitem", { name: "Diagnostic" }).click();
  await expect(page.getByRole("status").filter({ hasText: ticket.ticketId })).toHaveText(
    `${ticket.ticketId} : déplacement gardé sur l’appareil, envoyé au retour du réseau.`,
  );
  await expect(page.getByTestId("column-diagnostic").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect(outboxCount(page)).toHaveText("1");
  expect((await ticketRow(ticket.id)).status).toBe("received");

  await online(context);
  await expect(outboxCount(page)).toHaveCount(0);
  expect((await ticketRow(ticket.id)).status).toBe("diagnostic");
  expect(await statusEvents(ticket.id)).toBe(1);
});
