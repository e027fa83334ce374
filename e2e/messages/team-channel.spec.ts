import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { uniqueTag } from "../fixtures/tickets";

test("a team message reaches the supervisor, links its ticket id, and the unread badge goes back to zero on reading", async ({ browser }) => {
  const technician = await browser.newContext({ storageState: storageState("technician") });
  const supervisor = await browser.newContext({ storageState: storageState("supervisor") });
  const [ticket] = await queryD1<{ ticket_id: string }>("SELECT ticket_id FROM tickets WHERE deleted_at IS NULL ORDER BY id LIMIT 1");
  const text = `La presse 4 est repartie ${uniqueTag("tm")}, voir ${ticket!.ticket_id}`;

  const tech = await technician.newPage();
  await tech.goto("/messages/team");
  await expect(tech.getByRole("heading", { level: 1 })).toHaveText("Équipe");
  await tech.getByLabel("Votre message").fill(text);
  await tech.getByRole("button", { name: "Envoyer" }).click();
  const sent = tech.getByTestId("message").filter({ hasText: text });
  await expect(sent).toHaveAttribute("data-message-id", /\d+/);
  await expect(tech.getByLabel("Votre message")).toHaveValue("");

  const sup = await supervisor.newPage();
  await sup.goto("/messages");
  await expect(sup.getByTestId("unread-badge")).toBeVisible();
  await expect(sup.locator('[data-conversation="team"]')).toContainText(text);
  await sup.locator('[data-conversation="team"]').click();
  const received = sup.getByTestId("message").filter({ hasText: text });
  await expect(received).toContainText("Julie Roy");
  // Read on display: the header's count goes down live.
  await expect(sup.getByTestId("unread-badge")).toHaveCount(0);

  await received.getByRole("link", { name: ticket!.ticket_id }).click();
  await expect(sup).toHaveURL(new RegExp(`/tickets/${ticket!.ticket_id}$`));

  await technician.close();
  await supervisor.close();
});

test("an empty message is refused with a clear message and nothing is sent", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("operator") });
  const page = await context.newPage();
  await page.goto("/messages/team");
  const before = await page.getByTestId("message").count();
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("Écrivez un message");
  await expect(page.getByTestId("message")).toHaveCount(before);
  await context.close();
});
