import { expect, test } from "@playwright/test";
import { expectSaidOnceOn } from "../fixtures/forms";
import { account, storageState } from "../fixtures/accounts";
import { signedInContext } from "../fixtures/sign-in";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

test("a team message reaches the supervisor, links its ticket id, and the unread badge goes back to zero on reading", async ({ browser }) => {
  // People of its own: the badge counts every conversation of the reader, and the
  // demo supervisor's private ones are other specs' business.
  const tag = uniqueTag("tm");
  const author = await createUser({ name: `Technicien ${tag}`, role: "technician", password: "equipe-2026-auteur" });
  const reader = await createUser({ name: `Superviseure ${tag}`, role: "supervisor", password: "equipe-2026-lecture" });
  const ticket = await createTicketRow({ title: `Presse ${tag}`, reporterEmail: account("operator").email });
  const text = `La presse 4 est repartie ${tag}, voir ${ticket.ticketId}`;

  const { context: technician, page: tech } = await signedInContext(browser, author);
  await tech.goto("/messages/team");
  await expect(tech.getByRole("heading", { level: 1 })).toHaveText("Équipe");
  await tech.getByLabel("Votre message").fill(text);
  await tech.getByRole("button", { name: "Envoyer" }).click();
  const sent = tech.getByTestId("message").filter({ hasText: text });
  await expect(sent).toHaveAttribute("data-message-id", /\d+/);
  await expect(tech.getByLabel("Votre message")).toHaveValue("");

  const { context: supervisor, page: sup } = await signedInContext(browser, reader);
  await sup.goto("/messages");
  await expect(sup.getByTestId("unread-badge")).toBeVisible();
  await expect(sup.locator('[data-conversation="team"]')).toContainText(text);
  await sup.locator('[data-conversation="team"]').click();
  const received = sup.getByTestId("message").filter({ hasText: text });
  await expect(received).toContainText(author.name);
  // Read on display: the header's count goes down live.
  await expect(sup.getByTestId("unread-badge")).toHaveCount(0);

  await received.getByRole("link", { name: ticket.ticketId }).click();
  await expect(sup).toHaveURL(new RegExp(`/tickets/${ticket.ticketId}$`));

  await technician.close();
  await supervisor.close();
});

test("an empty message is refused with a clear message and nothing is sent", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("operator") });
  const page = await context.newPage();
  await page.goto("/messages/team");
  const before = await page.getByTestId("message").count();
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expectSaidOnceOn(page, page.getByLabel("Votre message"), "Écrivez un message, ou joignez une photo ou une note vocale.");
  await expect(page.getByTestId("message")).toHaveCount(before);
  await context.close();
});
