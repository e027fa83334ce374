import { expect, test, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { signedInContext } from "../fixtures/sign-in";
import { createMachineRow, createTicketRow, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

// The four orders of the board and of "Mon travail" (lib/tickets/sort.ts), on
// tickets of the test's own (filtered by a word of their own), each order chosen
// by a link that keeps it in the URL.

const day = 24 * 3_600_000;
const at = (ms: number) => sqlText(new Date(Date.now() + ms).toISOString().replace("Z", "+00:00"));

/** Four tickets told apart by every order: priority, report, schedule, last change. */
async function fourTickets(tag: string, assignedTo?: number) {
  const machineId = await createMachineRow(`Tour ${tag}`);
  const rows = {
    A: { priority: "low", created: -4 * day, scheduled: 3 * day, updated: -1 * 3_600_000 },
    B: { priority: "critical", created: -3 * day, scheduled: null, updated: -4 * 3_600_000 },
    C: { priority: "medium", created: -2 * day, scheduled: 1 * day, updated: -2 * 3_600_000 },
    D: { priority: "high", created: -1 * day, scheduled: 2 * day, updated: -3 * 3_600_000 },
  };
  for (const [name, row] of Object.entries(rows)) {
    const { id } = await createTicketRow({ title: `${name} ${tag}`, reporterEmail: account("operator").email, machineId, priority: row.priority, assignedTo });
    await queryD1(
      `UPDATE tickets SET created_at = ${at(row.created)}, updated_at = ${at(row.updated)}, scheduled_date = ${row.scheduled === null ? "NULL" : at(row.scheduled)} WHERE id = ${id}`,
    );
  }
}

const expected = {
  Défaut: ["A", "C", "D", "B"],
  Urgence: ["B", "D", "C", "A"],
  "Plus ancien": ["A", "B", "C", "D"],
  Planifié: ["C", "D", "A", "B"],
};
const sortParam = { Défaut: null, Urgence: "urgency", "Plus ancien": "oldest", Planifié: "planned" };

async function expectColumn(page: Page, tag: string, order: string[]) {
  await expect(page.getByTestId("column-received").getByRole("heading", { level: 3 })).toHaveText(order.map((name) => `${name} ${tag}`));
}

test.describe("as a supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("each order sorts the board's columns, and stays in the URL with the filters", async ({ page }) => {
    const tag = uniqueTag("tri");
    await fourTickets(tag);
    await page.goto(`/tickets?q=${tag}`);
    await expectColumn(page, tag, expected.Défaut);
    const sorts = page.getByRole("navigation", { name: "Trier" });
    for (const [label, order] of Object.entries(expected) as [keyof typeof expected, string[]][]) {
      await sorts.getByRole("link", { name: label }).click();
      await expect(sorts.getByRole("link", { name: label })).toHaveAttribute("aria-current", "true");
      const url = new URL(page.url());
      expect(url.searchParams.get("q")).toBe(tag);
      expect(url.searchParams.get("sort")).toBe(sortParam[label]);
      await expectColumn(page, tag, order);
    }
    // A filter applied keeps the order chosen.
    await sorts.getByRole("link", { name: "Urgence" }).click();
    await expect(page).toHaveURL(/sort=urgency/);
    await page.getByRole("search", { name: "Filtres" }).getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/sort=urgency/);
    await expectColumn(page, tag, expected.Urgence);
  });

  test("a column sorted by urgency keeps its first page's cap, and its next page keeps the order", async ({ page }) => {
    const tag = uniqueTag("cap");
    const machineId = await createMachineRow(`Presse ${tag}`);
    // Nine in one column: eight shown, the ninth (the only low one) behind "Afficher 1 de plus".
    const priorities = ["high", "critical", "medium", "critical", "high", "medium", "critical", "low", "high"];
    for (const [i, priority] of priorities.entries()) {
      await createTicketRow({ title: `T${i} ${tag}`, reporterEmail: account("operator").email, machineId, priority });
    }
    await page.goto(`/tickets?q=${tag}&sort=urgency`);
    const titles = page.getByTestId("column-received").getByRole("heading", { level: 3 });
    await expect(titles).toHaveCount(8);
    await expect(titles.first()).toHaveText(`T1 ${tag}`);
    await page.getByTestId("column-received").getByRole("link", { name: /Afficher 1 de plus/ }).click();
    await expect(page).toHaveURL(/sort=urgency/);
    await expect(titles).toHaveCount(9);
    await expect(titles.last()).toHaveText(`T7 ${tag}`);
  });
});

test("Mon travail offers the same orders, one list in each, and keeps them with its scope", async ({ browser }) => {
  const tag = uniqueTag("travail");
  const person = await createUser({ name: `Technicien ${tag}`, role: "technician", password: "Trier-son-travail-2026" });
  await fourTickets(tag, await userId(person.email));
  const { context, page } = await signedInContext(browser, person);
  await page.goto("/?show=mine");
  const sorts = page.getByRole("navigation", { name: "Trier" });
  for (const [label, order] of Object.entries(expected).slice(1) as [keyof typeof expected, string[]][]) {
    await sorts.getByRole("link", { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`show=mine&sort=${sortParam[label]}`));
    await expect(page.getByRole("list", { name: `Tickets triés : ${label}` }).getByRole("heading", { level: 3 })).toHaveText(order.map((name) => `${name} ${tag}`));
  }
  // The scopes keep the order; "Défaut" goes back to the work's own groups.
  await page.getByRole("navigation", { name: "Afficher" }).getByRole("link", { name: /^À moi/ }).click();
  await expect(page).toHaveURL(/show=mine&sort=planned/);
  await sorts.getByRole("link", { name: "Défaut" }).click();
  await expect(page).toHaveURL(/\/\?show=mine$/);
  await expect(page.getByRole("heading", { level: 2, name: /Critique/ })).toBeVisible();
  await context.close();
});
