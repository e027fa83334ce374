import { expect, test, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { offline, online, outboxCount, png, seriousAxeFindings, workerReady } from "../fixtures/offline";
import { createTicketRow, ticketRow, uniqueTag, userId } from "../fixtures/tickets";

// The ticket page's action bar in a dead zone, on a 360 × 740 touch phone: a photo and
// the next step are kept on the phone, shown where they belong, and each written once
// when the network returns.
test.use({ storageState: storageState("technician") });

const bar = (page: Page) => page.getByRole("form", { name: "Actions rapides" });

test("a photo and 'Commencer' from the action bar without a network are kept, shown as waiting, then written once", async ({ page, context }) => {
  const mine = await userId(account("technician").email);
  const ticket = await createTicketRow({ title: `Barre hors ligne ${uniqueTag("offbar")}`, reporterEmail: account("operator").email, status: "diagnostic", assignedTo: mine });
  const photos = async () => (await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM media WHERE ticket_id = ${ticket.id}`))[0]!.n;
  const moves = async () => (await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ${ticket.id} AND type = 'status'`))[0]!.n;
  await page.goto(`/tickets/${ticket.ticketId}`);
  await workerReady(page);
  await offline(context, page);

  await bar(page).getByLabel("Photo", { exact: true }).setInputFiles({ name: "joint.png", mimeType: "image/png", buffer: png });
  await expect(bar(page).getByRole("status")).toHaveText("Pas de réseau : c’est gardé sur l’appareil et ce sera envoyé dès le retour du réseau.");
  const media = page.getByRole("region", { name: /^Photos/ });
  await expect(media.getByTestId("pending-item")).toContainText("En attente d’envoi");
  await expect(media.getByTestId("pending-item")).toContainText("1 photo");

  await bar(page).getByRole("button", { name: /^Commencer\s*En cours$/ }).click();
  await expect(bar(page).getByRole("status")).toHaveText(`${ticket.ticketId} : déplacement gardé sur l’appareil, envoyé au retour du réseau.`);
  await expect(outboxCount(page)).toHaveText("2");
  expect(await seriousAxeFindings(page)).toEqual([]);
  expect(await photos()).toBe(0);
  expect((await ticketRow(ticket.id)).status).toBe("diagnostic");

  await online(context);
  await expect(outboxCount(page)).toHaveCount(0);
  await expect(media.getByTestId("pending-item")).toHaveCount(0);
  expect(await photos()).toBe(1);
  expect((await ticketRow(ticket.id)).status).toBe("in_progress");
  expect(await moves()).toBe(1);
});
