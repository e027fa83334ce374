import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { account, storageState, type DemoRole } from "../fixtures/accounts";
import { createMachineRow, createTicketRow, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";
import { createScreenLinkRow } from "../fixtures/screens";
import { createGroupRows, createGuest, signedInGuest } from "../fixtures/groups";

// axe on every page of app/, as the role that uses it, in the desktop and the
// 360 px phone projects: no critical and no serious violation.
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function expectNoSeriousViolations(page: Page) {
  const serious = await seriousViolations(page);
  expect(serious, serious.join("\n")).toEqual([]);
}

const routes: Record<DemoRole, string[]> = {
  admin: [
    "/",
    "/tickets",
    "/tickets/new",
    "ticket",
    "/machines",
    "machine",
    "/machines/new",
    "labels",
    "/messages",
    "/messages/team",
    "/messages/new",
    "/messages/new/group",
    "group",
    "group members",
    "/profile",
    "/notifications",
    "/search?q=presse",
    "/planning",
    "/stats",
    "/admin/users",
    "/admin/users/new",
    "/admin/users/invite",
    "user",
    "guest",
    "/admin/settings",
    "/admin/screens",
    "/admin/settings/columns",
    "/admin/audit",
    "/admin/data",
    "/admin/notifications",
    "/page-qui-n-existe-pas",
  ],
  supervisor: ["/", "/tickets", "ticket", "/admin/users", "/admin/screens", "/stats?period=90"],
  technician: ["/", "/tickets", "ticket", "/planning"],
  operator: ["/", "/tickets", "/tickets/new", "ticket", "/machines", "machine", "/messages", "/notifications", "/search?q=presse"],
};

/** The address of a page that needs a row: a ticket the role can see, a machine (its page, its label), a user, each the test's own. */
async function resolve(route: string): Promise<string> {
  const tag = uniqueTag("axe");
  if (route === "ticket") {
    // Reported by the operator: every role may open it, operators seeing only their own reports by default.
    const { ticketId } = await createTicketRow({ title: `Accessibilité ${tag}`, reporterEmail: account("operator").email });
    return `/tickets/${ticketId}`;
  }
  if (route === "machine") return `/machines/${await createMachineRow(`Presse ${tag}`)}`;
  if (route === "labels") return `/machines/labels?machine=${await createMachineRow(`Presse ${tag}`)}`;
  if (route === "user") return `/admin/users/${await userId((await createUser({ name: `Technicienne ${tag}`, role: "technician", password: "accessible-2026-axe" })).email)}`;
  if (route === "guest") return `/admin/users/${(await createGuest({ name: `Invité ${tag}`, password: "accessible-2026-axe" })).id}`;
  if (route.startsWith("group")) {
    // The admin's group of the test's own, with a guest in it (marked "Invité · company").
    const guest = await createGuest({ name: `Invitée ${tag}`, password: "accessible-2026-axe" });
    const key = await createGroupRows(`Groupe ${tag}`, await userId(account("admin").email), [guest.id]);
    return route === "group" ? `/messages/${key}` : `/messages/${key}/members`;
  }
  return route;
}

// One page per role walks its routes, a step each: the same checks as a test per
// route, without a new browser context for every page (the suite's costliest spec).
// Soft assertions: one page's violations do not hide the next page's.
for (const role of Object.keys(routes) as DemoRole[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageState(role) });
    test(`${routes[role].join(", ")}: no critical or serious axe violation`, async ({ page }) => {
      test.setTimeout(routes[role].length * 30_000);
      for (const route of routes[role]) {
        await test.step(route, async () => {
          await page.goto(await resolve(route));
          await expect.soft(page.getByRole("heading", { level: 1 }), `${route} has a heading`).toBeVisible();
          const serious = await seriousViolations(page);
          expect.soft(serious, `${route}:\n${serious.join("\n")}`).toEqual([]);
        });
      }
    });
  });
}

test("a guest's pages (their conversations, a group, its members, their profile, a 404) have no critical or serious axe violation", async ({ browser }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag("axe");
  const guest = await createGuest({ name: `Invité ${tag}`, password: "accessible-2026-axe" });
  const key = await createGroupRows(`Groupe ${tag}`, await userId(account("supervisor").email), [guest.id]);
  const { context, page } = await signedInGuest(browser, guest);
  for (const route of ["/messages", `/messages/${key}`, `/messages/${key}/members`, "/profile", "/tickets"]) {
    await test.step(route, async () => {
      await page.goto(route);
      await expect.soft(page.getByRole("heading", { level: 1 }), `${route} has a heading`).toBeVisible();
      const serious = await seriousViolations(page);
      expect.soft(serious, `${route}:\n${serious.join("\n")}`).toEqual([]);
    });
  }
  await context.close();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  for (const route of ["/sign-in", "/page-qui-n-existe-pas"]) {
    test(`${route} has no critical or serious axe violation`, async ({ page }) => {
      await page.goto(route);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  }

  test("a shop screen, and the screen of an unknown link, have no critical or serious axe violation", async ({ page }) => {
    const screen = await createScreenLinkRow(`Écran ${uniqueTag("axe")}`);
    await page.goto(screen.path);
    await expect(page.getByTestId("tv-counts")).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.goto(`/tv/${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Lien révoqué" })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test.describe("with the menus open", () => {
  test.use({ storageState: storageState("admin") });
  test("the account menu and the phone's Plus menu have no critical or serious axe violation", async ({ page }) => {
    await page.goto("/tickets");
    await page.getByLabel("Menu du compte").click();
    await expect(page.getByTestId("user-role")).toBeVisible();
    await expectNoSeriousViolations(page);
    const more = page.getByRole("navigation", { name: "Navigation principale" }).getByText("Plus", { exact: true });
    if (await more.isVisible()) {
      await more.click();
      await expect(page.getByRole("link", { name: "Journal", exact: true })).toBeVisible();
      await expectNoSeriousViolations(page);
    }
  });
});
