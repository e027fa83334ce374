import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { signedInContext } from "../fixtures/sign-in";
import { createTicketRow, openTicketChanges, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

// Who has Atelier open (lib/messages/presence.ts), from the live sockets the hub
// already holds: each person in a browser of their own, throwaway accounts.

const PASSWORD = "Presence-en-direct-2026";

test("a colleague who opens Atelier shows online within seconds and is gone once they leave; one who hides their presence never shows", async ({ browser }) => {
  const tag = uniqueTag("pres");
  const [watcher, visitor, discreet] = await Promise.all(
    ["Veilleur", "Visiteur", "Discret"].map((name) => createUser({ name: `${name} ${tag}`, role: "technician", password: PASSWORD })),
  );
  await queryD1(`UPDATE users SET hide_presence = 1 WHERE email = ${sqlText(discreet!.email)}`);
  const w = await signedInContext(browser, watcher!);
  await w.page.goto("/messages/new");
  const row = (name: string) => w.page.getByRole("listitem").filter({ hasText: name });
  await expect(row(visitor!.name)).toBeVisible();
  await expect(row(visitor!.name).getByTestId("presence-dot")).toHaveCount(0);

  // The discreet colleague opens Atelier first, the visitor after: the news of the visitor
  // would carry the discreet one too, were they not hidden.
  const d = await signedInContext(browser, discreet!);
  const v = await signedInContext(browser, visitor!);
  await expect(row(visitor!.name).getByTestId("presence-dot")).toBeVisible();
  await expect(row(visitor!.name)).toContainText("en ligne");
  await expect(row(discreet!.name).getByTestId("presence-dot")).toHaveCount(0);
  // A page opened while nobody comes or goes is told who is there already.
  await w.page.reload();
  await expect(row(visitor!.name).getByTestId("presence-dot")).toBeVisible();
  await expect(row(discreet!.name).getByTestId("presence-dot")).toHaveCount(0);

  // A lead assigning a ticket sees who is online under the list, and chooses them in one tap.
  const ticket = await createTicketRow({ title: `Présence ${tag}`, reporterEmail: account("operator").email });
  const lead = await browser.newContext({ storageState: storageState("supervisor") });
  const desk = await lead.newPage();
  await desk.goto(`/tickets/${ticket.ticketId}`);
  const assign = (await openTicketChanges(desk)).getByRole("form", { name: "Assigner" });
  const online = assign.getByTestId("assignees-online");
  await online.getByRole("button", { name: `Choisir ${visitor!.name} (en ligne)` }).click();
  await expect(assign.getByLabel("Assigner à")).toHaveValue(String(await userId(visitor!.email)));
  await expect(online.getByRole("button", { name: `Choisir ${discreet!.name} (en ligne)` })).toHaveCount(0);
  await lead.close();

  // The visitor hides their presence from their profile: gone from the others' pages at once.
  await v.page.goto("/profile");
  await v.page.getByLabel("Masquer ma présence").check();
  await v.page.getByRole("region", { name: "Présence" }).getByRole("button", { name: "Enregistrer" }).click();
  await expect(v.page.getByRole("region", { name: "Présence" }).getByRole("status")).toHaveText("Votre présence est masquée.");
  await expect(row(visitor!.name).getByTestId("presence-dot")).toHaveCount(0);
  await v.page.getByLabel("Masquer ma présence").uncheck();
  await v.page.getByRole("region", { name: "Présence" }).getByRole("button", { name: "Enregistrer" }).click();
  await expect(v.page.getByRole("region", { name: "Présence" }).getByRole("status")).toHaveText("Vos collègues voient quand vous êtes en ligne.");
  await expect(row(visitor!.name).getByTestId("presence-dot")).toBeVisible();

  // The visitor closes Atelier: gone within seconds.
  await v.context.close();
  await expect(row(visitor!.name).getByTestId("presence-dot")).toHaveCount(0);
  await expect(row(discreet!.name).getByTestId("presence-dot")).toHaveCount(0);
  await d.context.close();
  await w.context.close();
});

test("the conversation list puts the dot beside the other person of a private conversation", async ({ browser }) => {
  const tag = uniqueTag("conv");
  const [a, b] = await Promise.all(["Alice", "Bruno"].map((name) => createUser({ name: `${name} ${tag}`, role: "operator", password: PASSWORD })));
  const first = await signedInContext(browser, a!);
  await first.page.goto(`/messages/new`);
  await first.page.getByRole("link", { name: new RegExp(b!.name) }).click();
  await first.page.getByLabel("Votre message").fill(`Bonjour ${tag}`);
  await first.page.getByRole("button", { name: "Envoyer" }).click();
  await expect(first.page.getByTestId("message").filter({ hasText: `Bonjour ${tag}` })).toHaveAttribute("data-message-id", /\d+/);
  await first.page.goto("/messages");
  const conversation = first.page.getByTestId("conversations").getByRole("listitem").filter({ hasText: b!.name });
  await expect(conversation.getByTestId("presence-dot")).toHaveCount(0);
  const second = await signedInContext(browser, b!);
  await expect(conversation.getByTestId("presence-dot")).toBeVisible();
  await second.context.close();
  await expect(conversation.getByTestId("presence-dot")).toHaveCount(0);
  await first.context.close();
});
