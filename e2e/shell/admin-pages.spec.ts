import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { expectPageFitsWidth } from "../fixtures/layout";
import { uniqueTag } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

test.use({ storageState: storageState("admin") });

// Runs in the desktop and the 360 px phone projects.
for (const path of ["/admin/users", "/admin/users/new", "/admin/settings", "/admin/screens", "/admin/settings/columns", "/admin/audit", "/admin/data", "/profile"]) {
  test(`${path} fits the screen with one main heading`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expectPageFitsWidth(page);
  });
}

test("the users list filters by role and search, from the URL", async ({ page }) => {
  // Two people sharing a word, one of each role: only the supervisor is listed.
  const tag = uniqueTag("usr");
  const lead = await createUser({ name: `Gagnon ${tag}`, role: "supervisor", password: "filtre-2026-chef" });
  await createUser({ name: `Gagnon ${tag} fils`, role: "technician", password: "filtre-2026-tech" });
  await page.goto("/admin/users");
  await page.getByLabel("Rôle").selectOption("supervisor");
  await page.getByRole("main").getByLabel("Rechercher").fill(tag);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/role=supervisor/);
  const items = page.getByTestId("user-list").getByRole("listitem");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(lead.name);
  await expect(items.first()).toContainText("Superviseur");
});
