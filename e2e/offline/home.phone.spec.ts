import { expect, test } from "@playwright/test";
import { account } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { jpeg, signInAsNew } from "../fixtures/home";
import { offline, online, outboxCount, workerReady } from "../fixtures/offline";
import { createTicketRow, ticketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: { cookies: [], origins: [] } });

test("in a dead zone, Commencer and Terminé with a comment and a photo are kept on the phone, then each written once", async ({ page, context }) => {
  const tech = await signInAsNew(page, "technician", "Technicienne hors ligne");
  const tag = uniqueTag("off");
  const next = await createTicketRow({ title: `À commencer ${tag}`, reporterEmail: account("operator").email, assignedTo: tech.id });
  const started = await createTicketRow({ title: `À finir ${tag}`, reporterEmail: account("operator").email, assignedTo: tech.id, status: "in_progress" });
  const item = (title: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await page.goto("/?show=mine");
  await workerReady(page);
  await expect(item(`À commencer ${tag}`)).toBeVisible();
  await offline(context, page);

  await item(`À commencer ${tag}`).getByRole("button", { name: /^Commencer/ }).tap();
  await expect(page.getByRole("status").filter({ hasText: next.ticketId })).toHaveText(`${next.ticketId} : déplacement gardé sur l’appareil, envoyé au retour du réseau.`);
  const finishing = item(`À finir ${tag}`);
  await finishing.getByRole("button", { name: "Note ou photo" }).tap();
  await finishing.getByLabel("Commentaire (facultatif)").fill("Courroie remplacée hors ligne");
  await finishing.getByLabel("Ajouter une photo").setInputFiles(jpeg("courroie.jpg"));
  await finishing.getByRole("button", { name: /^Terminé/ }).tap();
  await expect(page.getByRole("status").filter({ hasText: started.ticketId })).toContainText("gardé sur l’appareil");
  const waiting = page.getByRole("main").getByTestId("pending-items");
  await expect(waiting.getByTestId("pending-item")).toHaveCount(2);
  await expect(waiting).toContainText("Ticket terminé");
  await expect(waiting).toContainText("Courroie remplacée hors ligne · 1 photo");
  await expect(outboxCount(page)).toHaveText("2");
  expect((await ticketRow(next.id)).status).toBe("received");
  expect((await ticketRow(started.id)).status).toBe("in_progress");

  await online(context);
  await expect(outboxCount(page)).toHaveCount(0);
  expect((await ticketRow(next.id)).status).toBe("in_progress");
  expect((await ticketRow(started.id)).status).toBe("completed");
  const [written] = await queryD1<{ moves: number; comments: number; photos: number }>(
    `SELECT (SELECT COUNT(*) FROM ticket_events WHERE ticket_id IN (${next.id}, ${started.id}) AND type = 'status') AS moves,
            (SELECT COUNT(*) FROM ticket_comments WHERE ticket_id = ${started.id}) AS comments,
            (SELECT COUNT(*) FROM media WHERE ticket_id = ${started.id} AND file_name = 'courroie.jpg') AS photos`,
  );
  expect(written).toEqual({ moves: 2, comments: 1, photos: 1 });
});
