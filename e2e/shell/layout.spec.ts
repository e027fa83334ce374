import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { expectPageFitsWidth } from "../fixtures/layout";
import { createMachineRow, createTicketRow, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";
import { createScreenLinkRow } from "../fixtures/screens";
import { createGroupRows } from "../fixtures/groups";

test.use({ storageState: storageState("supervisor") });

// The plant overview is the admin's home (the other roles land on their own work).
test.describe("as the admin", () => {
  test.use({ storageState: storageState("admin") });

  test("the dashboard shows the database's figures and fits the screen", async ({ page }) => {
    // An overdue ticket of its own, due before almost any other test's (the list is oldest first, 20 at most).
    const title = `Tableau ${uniqueTag("dash")}`;
    const overdue = await createTicketRow({
      title,
      reporterEmail: account("operator").email,
      assignedTo: await userId(account("technician").email),
      scheduledDate: new Date(Date.now() - 20 * 365 * 86_400_000),
    });
    const received = async () => (await queryD1<{ n: number }>("SELECT COUNT(*) AS n FROM tickets WHERE status = 'received' AND deleted_at IS NULL"))[0]!.n;
    // The count is the whole plant's: read on both sides of the page load, so it is the page's own figure.
    const before = await received();
    await page.goto("/");
    expect(await received()).toBe(before);
    await expect(page.getByTestId("count-received").locator("dd")).toHaveText(String(before));

    const list = page.getByTestId("overdue-list");
    await expect(list.getByRole("listitem").filter({ hasText: overdue.ticketId })).toContainText("En retard de");
    // The list stops at 20, however many are overdue.
    expect(await list.getByRole("listitem").count()).toBeLessThanOrEqual(20);

    await expectPageFitsWidth(page);
  });
});

test("an unknown page is a French 404 without technical details", async ({ page }) => {
  const response = await page.goto("/machines-inexistantes");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(|node_modules/);
});

test("the user menu opens from the keyboard", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Menu du compte").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("user-role")).toHaveText("Superviseur");
  await expect(page.getByRole("link", { name: "Se déconnecter" })).toBeVisible();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an unknown address sends the visitor to sign-in, not to a page that says what exists", async ({ page }) => {
    await page.goto("/machines-inexistantes");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
  });
});

// Every page of the app, read from app/ so a new page is covered the day it lands.
function pagePatterns(dir = "app", route = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "page.tsx" ? [route || "/"] : [];
    // (group) folders are not part of the address.
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return pagePatterns(path.join(dir, entry.name), route + segment);
  });
}

test("no page's scripts carry a language catalogue: the words come with the page, not with its JavaScript", async ({ browser }) => {
  // Rows of its own for the pages that show one thing, so each renders its page rather than a 404.
  const tag = uniqueTag("catalogue");
  const machineId = await createMachineRow(`Machine ${tag}`);
  const ticket = await createTicketRow({ title: `Ticket ${tag}`, reporterEmail: account("operator").email, machineId });
  const person = await createUser({ name: `Personne ${tag}`, role: "technician", password: "Catalogue-E2E-2026" });
  const now = sqlText(new Date().toISOString().replace("Z", "+00:00"));
  const [delivery] = await queryD1<{ id: number }>(
    `INSERT INTO webhook_notifications (ticket_id, webhook_url, webhook_id, delivery_status, created_at, updated_at)
     VALUES (${ticket.id}, 'https://example.invalid/hook', ${sqlText(`msg_${tag}`)}, 'failed', ${now}, ${now}) RETURNING id`,
  );
  const examples: Record<string, string> = {
    "/tickets/[ticketId]": `/tickets/${ticket.ticketId}`,
    "/machines/[machineId]": `/machines/${machineId}`,
    // A label's address: it leads to the report form on that machine.
    "/m/[machineId]": `/m/${machineId}`,
    "/messages/[conversation]": "/messages/team",
    // A group of the admin's own, with the person above: its members' page.
    "/messages/[conversation]/members": `/messages/${await createGroupRows(`Groupe ${tag}`, await userId(account("admin").email), [await userId(person.email)])}/members`,
    "/admin/users/[id]": `/admin/users/${await userId(person.email)}`,
    "/admin/notifications/[id]": `/admin/notifications/${delivery!.id}`,
    "/offline/[locale]": "/offline/fr",
    "/tv/[key]": (await createScreenLinkRow(`Écran ${tag}`)).path,
    "/[...missing]": `/page-${tag}`,
  };
  const patterns = pagePatterns();
  const missing = patterns.filter((p) => p.includes("[") && !examples[p]);
  expect(missing, "pages with a parameter this test has no example for").toEqual([]);
  expect(patterns.length).toBeGreaterThan(20);

  // Admins see every page and every control on it; sign-in is seen signed out.
  const visits = [
    ...patterns.filter((p) => p !== "/sign-in").map((p) => ({ url: examples[p] ?? p, role: "admin" as const })),
    { url: "/sign-in", role: null },
  ];
  test.setTimeout(60_000 + visits.length * 20_000);
  // Words of the reliability page, in both languages: no script has a reason to hold them.
  // The error boundary once imported the whole catalogue and put 29 kB gzip on every page's first load.
  const words = ["Arrêts des machines, réparations et tickets sur la période choisie.", "Machine stops, repairs and tickets over the chosen period."];
  for (const { url, role } of visits) {
    const context = await browser.newContext({ storageState: role ? storageState(role) : { cookies: [], origins: [] } });
    const page = await context.newPage();
    const scripts: Promise<{ url: string; body: string }>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script" && response.ok()) scripts.push(response.text().then((body) => ({ url: response.url(), body })));
    });
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(url === examples["/[...missing]"] ? 404 : 200);
    await page.waitForLoadState("networkidle");
    const bodies = await Promise.all(scripts);
    expect(bodies.length, `scripts of ${url}`).toBeGreaterThan(3);
    for (const word of words) expect(bodies.filter((b) => b.body.includes(word)).map((b) => b.url), `${url}: scripts holding "${word}"`).toEqual([]);
    await context.close();
  }
});
