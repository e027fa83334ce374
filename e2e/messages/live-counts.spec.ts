import { expect, test, type Page } from "@playwright/test";
import { signedInContext } from "../fixtures/sign-in";
import { uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

/** The header's unread count as shown (0 when the badge is absent), read in one step (bell.spec.ts says why). */
async function headerCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('[data-testid="unread-badge"] [aria-hidden="true"]')?.textContent ?? 0));
}

test("the header count and the conversation list change live in the reader's tabs, and reading brings the count back to zero everywhere", async ({ browser }) => {
  // People of their own: the counts are every conversation of the reader's, and the
  // demo accounts' private conversations are other specs' business.
  const tag = uniqueTag("cnt");
  const author = await createUser({ name: `Technicien ${tag}`, role: "technician", password: "compte-2026-auteur" });
  const lead = await createUser({ name: `Superviseur ${tag}`, role: "supervisor", password: "compte-2026-lecture" });
  const ids = [await userId(author.email), await userId(lead.email)].sort((a, b) => a - b);
  const pair = `${ids[0]}-${ids[1]}`;
  const { context: technician, page: tech } = await signedInContext(browser, author);
  const { context: supervisor, page: board } = await signedInContext(browser, lead);

  // The supervisor reads everything first, in a tab kept for reading later; the list tab shows each read land.
  const [list, reader] = [await supervisor.newPage(), await supervisor.newPage()];
  await Promise.all([board.goto("/tickets"), list.goto("/messages")]);
  for (const key of ["team", pair]) {
    await reader.goto(`/messages/${key}`);
    await expect(list.locator(`[data-conversation="${key}"]`).getByTestId("conversation-unread")).toHaveCount(0);
  }
  await reader.goto("/profile");
  await expect(board.getByTestId("unread-badge")).toHaveCount(0);
  await expect(list.getByTestId("unread-badge")).toHaveCount(0);

  await tech.goto(`/messages/${pair}`);
  const text = `Peux-tu passer à la presse 4 ? ${uniqueTag("cnt")}`;
  await tech.getByLabel("Votre message").fill(text);
  await tech.getByRole("button", { name: "Envoyer" }).click();
  // Sent (stored) before leaving the page: leaving earlier may cancel the request.
  await expect(tech.getByTestId("message").filter({ hasText: text })).toHaveAttribute("data-message-id", /\d+/);
  await tech.goto("/messages/team");
  const team = `Pause à 10 h ${uniqueTag("cnt")}`;
  await tech.getByLabel("Votre message").fill(team);
  await tech.getByRole("button", { name: "Envoyer" }).click();

  // No reload: the socket brings both counts and the list's previews.
  await expect.poll(() => headerCount(board)).toBe(2);
  await expect.poll(() => headerCount(list)).toBe(2);
  const rows = list.getByTestId("conversations").locator("a[data-conversation]");
  await expect(list.locator(`[data-conversation="${pair}"]`)).toContainText(text);
  const pill = list.locator(`[data-conversation="${pair}"]`).getByTestId("conversation-unread");
  await expect(pill.locator('[aria-hidden="true"]')).toHaveText("1");
  await expect(pill).toContainText("1 message non lu");
  await expect(list.locator('[data-conversation="team"]')).toContainText(team);
  // The team channel stays first; the pair just written in comes right after it.
  await expect(rows.nth(0)).toHaveAttribute("data-conversation", "team");
  await expect(rows.nth(1)).toHaveAttribute("data-conversation", pair);

  // Reading in one tab: the other tabs' counts go down without a reload.
  await reader.goto(`/messages/${pair}`);
  await expect(reader.getByTestId("message").filter({ hasText: text })).toBeVisible();
  await expect.poll(() => headerCount(board)).toBe(1);
  await expect(list.locator(`[data-conversation="${pair}"]`).getByTestId("conversation-unread")).toHaveCount(0);
  await reader.goto("/messages/team");
  await expect(reader.getByTestId("message").filter({ hasText: team })).toBeVisible();
  await expect(board.getByTestId("unread-badge")).toHaveCount(0);
  await expect(list.getByTestId("unread-badge")).toHaveCount(0);
  await expect(reader.getByTestId("unread-badge")).toHaveCount(0);

  await technician.close();
  await supervisor.close();
});
