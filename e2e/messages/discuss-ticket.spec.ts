import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";

test.use({ storageState: storageState("operator") });

test("“Discuter dans l’équipe” on a ticket opens the team composer with the ticket referenced, and the sent message links it", async ({ page }) => {
  const [ticket] = await queryD1<{ ticket_id: string; title: string }>(
    // One of the operator's own reports: operators see only those by default (lib/permissions.ts).
    `SELECT ticket_id, title FROM tickets WHERE deleted_at IS NULL AND reported_by = (SELECT id FROM users WHERE email = 'operateur@atelier.demo') ORDER BY id DESC LIMIT 1`,
  );
  await page.goto(`/tickets/${ticket!.ticket_id}`);
  await page.getByRole("link", { name: "Discuter dans l’équipe" }).click();
  await expect(page).toHaveURL(/\/messages\/team\?ticket=/);
  const box = page.getByLabel("Votre message");
  await expect(box).toHaveValue(`${ticket!.ticket_id} `);
  await box.press("End");
  await box.pressSequentially("à vérifier");
  await page.getByRole("button", { name: "Envoyer" }).click();
  // The id shows the ticket's title and status after it, before the rest of the text.
  const sent = page.getByTestId("message").filter({ hasText: ticket!.ticket_id }).filter({ hasText: "à vérifier" }).last();
  await expect(sent).toHaveAttribute("data-message-id", /\d+/);
  await expect(box).toHaveValue("");
  const link = sent.getByRole("link", { name: ticket!.ticket_id });
  await expect(link).toHaveAttribute("href", `/tickets/${ticket!.ticket_id}`);
  await expect(link).toContainText(ticket!.title);
});
