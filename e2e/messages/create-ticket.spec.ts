import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("operator") });

// A 1×1 PNG: a photo the browser can show as a thumbnail.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("“Créer un ticket” on a message opens the report prefilled with its text and photo, and the ticket links back to the message", async ({ page }) => {
  // One of the operator's own reports: operators see only those by default (lib/permissions.ts).
  const earlierTitle = `Presse qui fuit ${uniqueTag("ct")}`;
  const reported = await createTicketRow({ title: earlierTitle, reporterEmail: account("operator").email, status: "diagnostic" });
  const earlier = { ticket_id: reported.ticketId, machine_id: reported.machineId, title: earlierTitle, status: "diagnostic" };
  const firstLine = `Fuite sous la presse ${uniqueTag("ct")}`;
  const text = `${firstLine}\nMême problème que ${earlier.ticket_id}`;
  await page.goto("/messages/team");
  await page.getByLabel("Votre message").fill(text);
  await page.getByLabel("Joindre des photos").setInputFiles({ name: "fuite.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Envoyer" }).click();
  const sent = page.getByTestId("message").filter({ hasText: firstLine });
  await expect(sent).toHaveAttribute("data-message-id", /\d+/);
  const messageId = await sent.getAttribute("data-message-id");
  // The ticket id shows what it is: its title and status, as a link.
  await expect(sent.getByTestId("ticket-link")).toHaveText(`${earlier.ticket_id} (${earlier.title} · ${await statusLabel(earlier.status)})`);

  // Tap one: the report form, filled in from the message.
  await sent.getByRole("button", { name: /^Actions : / }).click();
  await page.getByRole("menuitem", { name: "Créer un ticket" }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/new\\?message=${messageId}$`));
  await expect(page.getByLabel("Titre")).toHaveValue(firstLine);
  await expect(page.getByLabel("Description")).toHaveValue(text);
  await expect(page.getByLabel("Machine", { exact: true })).toHaveValue(String(earlier.machine_id));
  await expect(page.getByTestId("message-photos").locator("img")).toHaveCount(1);

  // Tap two: reported, with the photo copied and a link back to the message.
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page).toHaveURL(/\/tickets\/TKT-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstLine);
  const [ticket] = await queryD1<{ source_message_id: number; photos: number }>(
    `SELECT t.source_message_id, (SELECT COUNT(*) FROM media m WHERE m.ticket_id = t.id) AS photos FROM tickets t WHERE t.title = '${firstLine}'`,
  );
  expect(ticket).toEqual({ source_message_id: Number(messageId), photos: 1 });
  await page.getByRole("link", { name: "Signalé depuis un message" }).click();
  await expect(page).toHaveURL(new RegExp(`/messages/team#message-${messageId}$`));
  await expect(page.locator(`#message-${messageId}`)).toBeVisible();
});

async function statusLabel(status: string): Promise<string> {
  const { fr } = await import("../../lib/i18n/fr");
  return fr.status[status as keyof typeof fr.status];
}
