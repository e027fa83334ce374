import { expect, test } from "@playwright/test";
import { storageState, type DemoRole } from "../fixtures/accounts";
import { createGuest, signedInGuest } from "../fixtures/groups";
import { uniqueTag } from "../fixtures/tickets";

// The shell on the narrowest phone and on a desktop, for every role. Runs in the
// desktop and phone projects; each test sets the viewport it is about.
const roles: DemoRole[] = ["admin", "supervisor", "technician", "operator"];
const phone = { width: 360, height: 740 };

for (const role of roles) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageState(role) });

    test(`on a phone the top bar is at most 56 px, the tab bar is at the bottom, and "Signaler" is one tap away`, async ({ page }) => {
      await page.setViewportSize(phone);
      await page.goto("/");
      const header = page.getByRole("banner");
      expect((await header.boundingBox())!.height).toBeLessThanOrEqual(56);

      const nav = page.getByRole("navigation", { name: "Navigation principale" });
      // A tab's name may carry its unread count ("Messages 4 messages non lus"): the demo
      // accounts read what other specs post to the team, or not, in no set order.
      for (const name of ["Accueil", "Tickets", "Signaler", "Messages", "Plus"]) {
        await expect(nav.getByText(name, { exact: true }).or(nav.getByRole("link", { name: new RegExp(`^${name}(?!\\p{L})`, "u") })).first()).toBeVisible();
      }
      const bar = (await nav.boundingBox())!;
      expect(bar.y + bar.height).toBeCloseTo(phone.height, 0);
      await expect(nav.getByRole("link", { name: "Accueil" })).toHaveAttribute("aria-current", "page");

      await nav.getByRole("link", { name: "Signaler", exact: true }).click();
      await expect(page).toHaveURL(/\/tickets\/new$/);
      await expect(page.getByRole("heading", { level: 1, name: "Signaler un problème" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Signaler", exact: true })).toHaveAttribute("aria-current", "page");
    });

    test(`on a desktop every page the ${role} may open is in the navigation, and the current one is marked`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto("/machines");
      const nav = page.getByRole("navigation", { name: "Navigation principale" });
      const expected = {
        admin: ["Tableau de bord", "Tickets", "Machines", "Planification", "Fiabilité", "Messages", "Utilisateurs", "Paramètres", "Écrans", "Journal", "Données", "Notifications"],
        supervisor: ["À décider", "Tickets", "Machines", "Planification", "Fiabilité", "Messages", "Utilisateurs", "Écrans"],
        technician: ["Mon travail", "Tickets", "Machines", "Planification", "Messages"],
        operator: ["Mes signalements", "Tickets", "Machines", "Messages"],
      }[role];
      const links = nav.getByRole("link");
      // innerText: each tab also carries its phone label ("Accueil"), hidden on a desktop;
      // Messages may be followed by its unread count, which other specs' messages set.
      await expect(links).toHaveText(
        expected.map((name) => new RegExp(`^${name}(\\s|$)`)),
        { useInnerText: true },
      );
      // Visible means on screen, not clipped by an overflowing row.
      for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });
      await expect(nav.getByRole("link", { name: "Machines" })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("link", { name: "Signaler", exact: true })).toBeVisible();
    });
  });
}

// A guest (a throwaway one: guests are not demo accounts) has their conversations and their account, nothing of the plant.
test("a guest's shell: on a phone Messages and Plus (profile, language, sign-out); on a desktop Messages alone", async ({ browser }) => {
  const guest = await createGuest({ name: `Invité ${uniqueTag("coque")}`, password: "Invite-coque-2026" });
  const { context, page } = await signedInGuest(browser, guest);
  await page.setViewportSize(phone);
  await page.goto("/messages");
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(nav.getByRole("link").filter({ visible: true })).toHaveText([/^Messages/]);
  await expect(nav.getByText("Plus", { exact: true })).toBeVisible();
  for (const name of ["Accueil", "Tickets", "Signaler"]) await expect(nav.getByText(name, { exact: true })).toHaveCount(0);
  await nav.getByText("Plus", { exact: true }).click();
  await expect(nav.getByRole("link").filter({ visible: true })).toHaveText([/^Messages/, "Mon profil", "Se déconnecter"]);
  await expect(nav.getByRole("button", { name: "Switch to English" })).toBeVisible();
  await expect(nav.getByText(`${guest.name} · Invité`)).toBeVisible();
  await expect(page.getByRole("search")).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expect(nav.getByRole("link").filter({ visible: true })).toHaveText([/^Messages/]);
  await expect(page.getByRole("link", { name: "Signaler", exact: true })).toHaveCount(0);
  await context.close();
});

test.describe("as admin", () => {
  test.use({ storageState: storageState("admin") });

  test("on a phone the Plus menu holds the other pages, the language and sign-out, and closes on the way", async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await nav.getByText("Plus", { exact: true }).click();
    for (const name of ["Machines", "Planification", "Fiabilité", "Utilisateurs", "Paramètres", "Écrans", "Journal", "Données", "Notifications", "Mon profil", "Se déconnecter"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole("button", { name: "Switch to English" })).toBeVisible();
    await nav.getByRole("link", { name: "Journal", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal d’audit");
    await expect(nav.getByRole("link", { name: "Données" })).toBeHidden();
  });

  test("the skip link is the first Tab stop and lands on the page's content", async ({ page }) => {
    await page.goto("/tickets");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("a 404 keeps the shell and names itself, for an unknown address and for a missing machine", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Page introuvable · Atelier");
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();

    await page.goto("/machines/987654");
    await expect(page).toHaveTitle("Page introuvable · Atelier");
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  });
});

test("the browser finds a favicon and an icon", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
});
