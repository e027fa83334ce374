import { expect, test, type Browser, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { signedInContext } from "../fixtures/sign-in";
import { createTicketRow, openTicketChanges, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

/**
 * The bell's unread count as shown (0 when the badge is absent), read in one step: a
 * badge counted, then gone before its text was read, left that read waiting for a badge
 * that never came back, and the poll timed out on a bell already at 0.
 */
async function bellCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('[data-testid="notification-count"]')?.textContent ?? 0));
}

// A technician of its own in each test: the bell counts everything said to its
// reader, and "toute l'équipe" assignments elsewhere in the suite reach the demo technician.
async function technicianOfItsOwn(browser: Browser) {
  const person = await createUser({ name: `Cloche ${uniqueTag("bell")}`, role: "technician", password: "cloche-2026-tech" });
  const { context, page } = await signedInContext(browser, person);
  return { context, page, id: await userId(person.email) };
}

test("the bell counts up when a supervisor assigns me a ticket, without a reload, and down when I open it", async ({ browser }) => {
  const { context: technician, page: tech, id: techId } = await technicianOfItsOwn(browser);
  const supervisor = await browser.newContext({ storageState: storageState("supervisor") });

  await tech.goto("/tickets");
  await expect(tech.getByTestId("notification-bell")).toBeVisible();
  await expect.poll(() => bellCount(tech)).toBe(0);

  const title = `Courroie usée ${uniqueTag("bell")}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  const lead = await supervisor.newPage();
  await lead.goto(`/tickets/${ticket.ticketId}`);
  const assign = (await openTicketChanges(lead)).getByRole("form", { name: "Assigner" });
  await assign.getByLabel("Assigner à").selectOption(String(techId));
  await assign.getByRole("button", { name: "Assigner" }).click();

  // No reload: the live socket says the notifications changed.
  await expect.poll(() => bellCount(tech), { timeout: 30_000 }).toBe(1);
  await expect(tech.getByTestId("notification-bell")).toHaveAccessibleName(/1 notification non lue/);

  await tech.getByTestId("notification-bell").click();
  await expect(tech.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  // The line itself, not its "J'y vais" button, which names the ticket too.
  const line = tech.getByTestId("notification-list").getByRole("button", { name: new RegExp(`vous a assigné ${ticket.ticketId}`) });
  await expect(line).toContainText("vous a assigné");
  await line.click();
  await expect(tech).toHaveURL(new RegExp(`/tickets/${ticket.ticketId}$`));
  await expect.poll(() => bellCount(tech)).toBe(0);

  await technician.close();
  await supervisor.close();
});

test("opening the ticket by another way than the bell reads what the bell said about it", async ({ browser }) => {
  const { context: technician, page: tech, id: techId } = await technicianOfItsOwn(browser);
  const tag = uniqueTag("bell");
  const title = `Fuite d’huile ${tag}`;
  const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
  const now = new Date().toISOString().replace("Z", "+00:00");
  await queryD1(
    `INSERT INTO notifications (recipient_id, kind, ticket_id, actor_id, created_at)
     VALUES (${techId}, 'assigned', ${ticket.id}, (SELECT id FROM users WHERE email = '${account("supervisor").email}'), '${now}')`,
  );

  await tech.goto(`/tickets?q=${tag}`);
  await expect.poll(() => bellCount(tech)).toBe(1);
  // From the board, not from the bell.
  await tech.getByRole("link", { name: title }).click();
  await expect(tech).toHaveURL(new RegExp(`/tickets/${ticket.ticketId}$`));
  await expect.poll(() => bellCount(tech)).toBe(0);
  const [row] = await queryD1<{ read_at: string | null }>(`SELECT read_at FROM notifications WHERE recipient_id = ${techId} AND ticket_id = ${ticket.id}`);
  expect(row!.read_at).not.toBeNull();
  await technician.close();
});

test("reading a private conversation takes its messages off the bell, without a reload", async ({ browser }) => {
  // An operator of its own: no team assignment elsewhere in the suite reaches the bell counted here.
  const tag = uniqueTag("lu");
  const reader = await createUser({ name: `Lectrice ${tag}`, role: "operator", password: "lectrice-2026-op" });
  const writer = await createUser({ name: `Auteur ${tag}`, role: "technician", password: "auteur-2026-tech" });
  const ids = [await userId(reader.email), await userId(writer.email)];
  const pair = [...ids].sort((a, b) => a - b).join("-");
  const { context: readerContext, page } = await signedInContext(browser, reader);
  const { context: writerContext, page: author } = await signedInContext(browser, writer);

  await page.goto("/messages");
  await expect(page.getByTestId("notification-bell")).toBeVisible();
  await expect.poll(() => bellCount(page)).toBe(0);

  // Each message tells its reader: the bell counts them, live.
  await author.goto(`/messages/${pair}`);
  const texts = [`La presse 4 fuit ${tag}`, `Je passe à 14 h ${tag}`];
  for (const text of texts) {
    await author.getByLabel("Votre message").fill(text);
    await author.getByRole("button", { name: "Envoyer" }).click();
    await expect(author.getByTestId("message").filter({ hasText: text })).toHaveAttribute("data-message-id", /\d+/);
  }
  await expect.poll(() => bellCount(page), { timeout: 30_000 }).toBe(2);

  // Opening the conversation from the list reads it, and with it what the bell said of it.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.locator(`a[data-conversation="${pair}"]`).click();
  await expect(page.getByTestId("message").filter({ hasText: texts[1]! })).toBeVisible();
  await expect.poll(() => bellCount(page)).toBe(0);
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Notifications");
  // Not a reload: the page that counted 2 is the one that counts 0.
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  const unread = await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM notifications WHERE recipient_id = ${ids[0]} AND read_at IS NULL`);
  expect(unread[0]!.n).toBe(0);

  await readerContext.close();
  await writerContext.close();
});

test.describe("as a technician", () => {
  test.use({ storageState: storageState("technician") });

  test("notification choices are saved from the profile", async ({ page }) => {
    await page.goto("/profile");
    const section = page.getByRole("region", { name: "Notifications" });
    await section.getByLabel("Un ticket m’est assigné (ou à toute l’équipe)").selectOption("app");
    await section.getByRole("button", { name: "Appliquer ces choix" }).click();
    await expect(section.getByText("Choix enregistrés.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "Notifications" }).getByLabel("Un ticket m’est assigné (ou à toute l’équipe)")).toHaveValue("app");
    await page.getByRole("region", { name: "Notifications" }).getByLabel("Un ticket m’est assigné (ou à toute l’équipe)").selectOption("push");
    await page.getByRole("region", { name: "Notifications" }).getByRole("button", { name: "Appliquer ces choix" }).click();
    await expect(page.getByRole("region", { name: "Notifications" }).getByText("Choix enregistrés.")).toBeVisible();
  });
});
