import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("operator") });

test("“Discuter dans l’équipe” on a ticket opens the team composer with the ticket referenced, and the sent message links it", async ({ page }) => {
  // The operator's own report: operators see only those by default (lib/permissions.ts).
  const title = `Bruit de roulement ${uniqueTag("dt")}`;
  const { ticketId } = await createTicketRow({ title, reporterEmail: account("operator").email });
  await page.goto(`/tickets/${ticketId}`);
  await page.getByRole("link", { name: "Discuter dans l’équipe" }).click();
  await expect(page).toHaveURL(/\/messages\/team\?ticket=/);
  const box = page.getByLabel("Votre message");
  await expect(box).toHaveValue(`${ticketId} `);
  await box.press("End");
  await box.pressSequentially("à vérifier");
  await page.getByRole("button", { name: "Envoyer" }).click();
  // The id shows the ticket's title and status after it, before the rest of the text.
  const sent = page.getByTestId("message").filter({ hasText: ticketId }).filter({ hasText: "à vérifier" });
  await expect(sent).toHaveAttribute("data-message-id", /\d+/);
  await expect(box).toHaveValue("");
  const link = sent.getByRole("link", { name: ticketId });
  await expect(link).toHaveAttribute("href", `/tickets/${ticketId}`);
  await expect(link).toContainText(title);
});
