import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("supervisor") });

// The first page of a column (lib/tickets/board.ts COLUMN_PAGE); the rest on demand.
const PAGE = 8;

test("a column shows its first cards and the rest on demand, with the keyboard, keeping the filters", async ({ page }) => {
  const tag = uniqueTag("more");
  for (let i = 0; i < PAGE + 2; i++) await createTicketRow({ title: `Plus ${tag} ${i}`, reporterEmail: account("operator").email });
  await page.goto(`/tickets?q=${tag}`);
  const received = page.getByTestId("column-received");
  await expect(received.locator("li[data-ticket]")).toHaveCount(PAGE);
  await expect(received.getByRole("heading", { level: 2 })).toContainText(String(PAGE + 2));

  const more = received.getByRole("link", { name: "Afficher 2 de plus (Requête reçue)" });
  await more.focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`q=${tag}.*more=received%3A${PAGE * 2}`));
  await expect(received.locator("li[data-ticket]")).toHaveCount(PAGE + 2);
  await expect(more).toHaveCount(0);
  // Focus goes to the first card the link brought, not back to the top of the page.
  await expect(received.locator("li[data-ticket]").nth(PAGE).getByRole("link")).toBeFocused();
  await expect(received.getByRole("link", { name: `Plus ${tag} 1`, exact: true })).toBeVisible();
});
