import { expect, test, type Locator, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { middleOfToday, signInAsNew, topOf } from "../fixtures/home";
import { expectPageFitsWidth } from "../fixtures/layout";
import { createTicketRow, ticketRow, uniqueTag } from "../fixtures/tickets";

// The home at a desk (1280 px), by role; home.phone.spec.ts has the same on a phone.
test.use({ viewport: { width: 1280, height: 800 } });

function item(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
}

/** Tab until `target` has the focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${target} is not reachable with Tab`);
}

test.describe("as a new technician, in English", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("My work is in the order to do it, and Start, Done with a comment and Undo work from the keyboard", async ({ page, context }) => {
    const tech = await signInAsNew(page, "technician", "Keyboard Tech");
    await context.addCookies([{ name: "atelier-locale", value: "en", url: page.url() }]);
    const tag = uniqueTag("desk");
    const reporter = account("operator").email;
    const later = await createTicketRow({ title: `Later ${tag}`, reporterEmail: reporter, assignedTo: tech.id, priority: "medium" });
    const today = await createTicketRow({ title: `Today ${tag}`, reporterEmail: reporter, assignedTo: tech.id, status: "in_progress", scheduledDate: middleOfToday() });
    await createTicketRow({ title: `Urgent ${tag}`, reporterEmail: reporter, assignedTo: tech.id, priority: "critical", status: "diagnostic" });

    await page.goto("/?show=mine");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My work");
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My work" })).toHaveAttribute("aria-current", "page");
    for (const [group, title] of [["Critical", `Urgent ${tag}`], ["Today", `Today ${tag}`], ["Next", `Later ${tag}`]]) {
      await expect(page.getByRole("region", { name: new RegExp(`^${group}`) }).getByRole("heading", { name: title })).toBeVisible();
    }
    const tops = await topOf(page, [`Urgent ${tag}`, `Today ${tag}`, `Later ${tag}`]);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await expectPageFitsWidth(page);

    await tabTo(page, item(page, `Later ${tag}`).getByRole("button", { name: /^Start/ }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: later.ticketId })).toContainText(`${later.ticketId}: in progress.`);
    // The same ticket's next step has the focus: the next Enter would finish it.
    await expect(item(page, `Later ${tag}`).getByRole("button", { name: /^Done/ })).toBeFocused();
    await expect.poll(async () => (await ticketRow(later.id)).status).toBe("in_progress");

    await tabTo(page, item(page, `Today ${tag}`).getByRole("button", { name: "Note or photo" }));
    await page.keyboard.press("Enter");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await expect(item(page, `Today ${tag}`).getByLabel("Comment (optional)")).toBeFocused();
    await page.keyboard.type("Belt replaced");
    await page.keyboard.press("Tab"); // the photo button
    await page.keyboard.press("Tab"); // Done
    await expect(item(page, `Today ${tag}`).getByRole("button", { name: /^Done/ })).toBeFocused();
    await page.keyboard.press("Enter");
    const notice = page.getByRole("status").filter({ hasText: today.ticketId });
    await expect(notice).toContainText(`${today.ticketId}: done.`);
    await expect(item(page, `Today ${tag}`)).toHaveCount(0);
    // The finished ticket left the list: focus is on the page, not lost.
    await expect(page.locator("#main")).toBeFocused();
    await expect.poll(async () => (await ticketRow(today.id)).status).toBe("completed");
    expect(await queryD1(`SELECT content FROM ticket_comments WHERE ticket_id = ${today.id}`)).toEqual([{ content: "Belt replaced" }]);

    await notice.getByRole("button", { name: "Undo" }).click();
    await expect(notice).toContainText(`${today.ticketId} back to “In progress”.`);
    await expect.poll(async () => (await ticketRow(today.id)).status).toBe("in_progress");
  });
});

test.describe("as a new operator", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("lands on their reports", async ({ page }) => {
    const operator = await signInAsNew(page, "operator", "Opérateur Bureau");
    const title = `Bruit ${uniqueTag("op")}`;
    await createTicketRow({ title, reporterEmail: operator.email, assignedTo: 0 });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes signalements");
    await expect(item(page, title)).toContainText("Confié à l’équipe de maintenance");
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes signalements" })).toBeVisible();
  });
});

test.describe("as the supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("lands on what needs a decision, in columns", async ({ page }) => {
    const title = `Sans personne ${uniqueTag("sup")}`;
    await createTicketRow({ title, reporterEmail: account("operator").email, priority: "critical" });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("À décider");
    await expect(page.getByTestId("decide-unassigned").getByRole("link", { name: title })).toBeVisible();
    const [first, second] = await Promise.all(["decide-unassigned", "decide-overdue"].map(async (id) => (await page.getByTestId(id).boundingBox())!));
    // Side by side at a desk.
    expect(second!.x).toBeGreaterThan(first!.x);
    await expectPageFitsWidth(page);
  });
});
