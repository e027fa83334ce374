import { expect, test } from "@playwright/test";
import { storageState, type DemoRole } from "../fixtures/accounts";
import { createGuest, signedInGuest } from "../fixtures/groups";
import { uniqueTag } from "../fixtures/tickets";

// What each role gets for each admin page, rendered by the server (200) or refused (404).
const pages = ["/admin/users", "/admin/users/new", "/admin/settings", "/admin/audit", "/admin/data", "/admin/screens", "/admin/settings/columns"] as const;
const allowed: Record<DemoRole, readonly string[]> = {
  admin: pages,
  supervisor: ["/admin/users", "/admin/screens"],
  technician: [],
  operator: [],
};

for (const role of Object.keys(allowed) as DemoRole[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageState(role) });

    test(`the ${role} reaches exactly the admin pages their role allows, and the header links only to those`, async ({ page }) => {
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(allowed[role].includes(path) ? 200 : 404);
      }
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Navigation principale" });
      await expect(nav.getByRole("link", { name: "Utilisateurs" })).toHaveCount(allowed[role].includes("/admin/users") ? 1 : 0);
      await expect(nav.getByRole("link", { name: "Paramètres" })).toHaveCount(allowed[role].includes("/admin/settings") ? 1 : 0);
      await expect(nav.getByRole("link", { name: "Journal", exact: true })).toHaveCount(allowed[role].includes("/admin/audit") ? 1 : 0);
      await expect(nav.getByRole("link", { name: "Écrans" })).toHaveCount(allowed[role].includes("/admin/screens") ? 1 : 0);
    });

    test(`the ${role}'s CSV downloads follow their permissions`, async ({ page }) => {
      const tickets = await page.request.get("/tickets/export?priority=high");
      expect(tickets.status()).toBe(200);
      expect(tickets.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      expect(tickets.headers()["content-disposition"]).toMatch(/^attachment; filename="tickets-\d{4}-\d{2}-\d{2}\.csv"$/);
      const text = (await tickets.body()).toString("utf8");
      expect(text.startsWith("\uFEFFNuméro;Titre;")).toBe(true);
      const machines = await page.request.get("/machines/export?sep=comma");
      expect((await machines.body()).toString("utf8").split("\r\n")[0]).toBe("\uFEFFType,Modèle,Numéro de série,Emplacement,Statut");
    });
  });
}

// The guest's column: no admin page, no admin link, no CSV (a throwaway guest: guests are not demo accounts).
test("a guest reaches no admin page, the header links to none, and the CSV downloads are 404s to them", async ({ browser }) => {
  const guest = await createGuest({ name: `Invité ${uniqueTag("acces")}`, password: "Invite-acces-2026" });
  const { context, page } = await signedInGuest(browser, guest);
  for (const path of pages) expect((await page.goto(path))?.status(), path).toBe(404);
  await page.goto("/messages");
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  for (const name of ["Utilisateurs", "Paramètres", "Journal", "Écrans"]) await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
  for (const path of ["/tickets/export?priority=high", "/machines/export?sep=comma"]) expect((await page.request.get(path)).status(), path).toBe(404);
  await context.close();
});

test.describe("signed out", () => {
  test("downloads and the logo answer 401, admin pages send to sign-in", async ({ page }) => {
    for (const path of ["/tickets/export", "/machines/export", "/logo"]) {
      expect((await page.request.get(path)).status(), path).toBe(401);
    }
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("as supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("the users list is read-only: no creation, no edit links", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByText("Vous consultez la liste ; seuls les administrateurs peuvent la modifier.")).toBeVisible();
    await expect(page.getByTestId("user-list").getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Nouvel utilisateur" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Modifier/ })).toHaveCount(0);
  });
});
