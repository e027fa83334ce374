import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { offline, online, workerReady } from "../fixtures/offline";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("technician") });

test("a comment typed in a dead zone survives the tab being closed, waits under the comments, and is written once", async ({ page, context }) => {
  const ticket = await createTicketRow({ title: `Commentaire hors ligne ${uniqueTag("off")}`, reporterEmail: account("operator").email });
  const text = `Joint changé, fuite arrêtée ${uniqueTag("off")}`;
  const comments = async () => (await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM ticket_comments WHERE content = ${sqlText(text)}`))[0]!.n;
  await page.goto(`/tickets/${ticket.ticketId}`);
  await workerReady(page);
  await page.getByLabel("Votre commentaire").fill(text);
  await page.close();

  const again = await context.newPage();
  await again.goto(`/tickets/${ticket.ticketId}`);
  await expect(again.getByLabel("Votre commentaire")).toHaveValue(text);
  await offline(context, again);
  await again.getByRole("button", { name: "Publier" }).click();
  const section = again.getByRole("region", { name: /^Commentaires/ });
  await expect(section.getByTestId("pending-item").filter({ hasText: text })).toContainText("En attente d’envoi");
  await expect(again.getByLabel("Votre commentaire")).toHaveValue("");
  expect(await comments()).toBe(0);

  await online(context);
  await expect(section.getByTestId("comments")).toContainText(text);
  await expect(section.getByTestId("pending-item")).toHaveCount(0);
  expect(await comments()).toBe(1);
  await again.reload();
  await expect(again.getByLabel("Votre commentaire")).toHaveValue("");
  expect(await comments()).toBe(1);
});
