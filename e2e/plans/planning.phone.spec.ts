import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { createMachineRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("supervisor") });

test("the planning reads as a list at 360 px, filtered by machine, with nothing wider than the screen", async ({ page }) => {
  const tag = uniqueTag("plan");
  const machineId = await createMachineRow(`Tour ${tag}`);
  const stamp = new Date().toISOString().replace("Z", "+00:00");
  const next = new Date(Date.now() + 86_400_000).toISOString().replace("Z", "+00:00");
  await queryD1(
    `INSERT INTO maintenance_plans (machine_id, title, steps, assigned_to, priority, recurrence, interval_count, start_date, time_of_day, lead_days, next_due_at, created_by, created_at, updated_at)
     VALUES (${machineId}, 'Lubrification ${tag}', '["Huiler"]', 0, 'medium', 'weeks', 1, '2026-01-05', '08:00', 0, '${next}',
             (SELECT id FROM users WHERE role = 'supervisor' LIMIT 1), '${stamp}', '${stamp}')`,
  );

  await page.goto("/planning");
  await page.getByLabel("Machine").selectOption({ label: `Tour ${tag} E2E` });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`machine=${machineId}`));

  const list = page.getByTestId("planning-list");
  await expect(list).toBeVisible();
  await expect(page.getByTestId("planning-calendar")).toBeHidden();
  // Weekly over 8 weeks, from tomorrow: 7 or 8 occurrences, each a readable link.
  const items = list.getByRole("link", { name: new RegExp(`Lubrification ${tag}`) });
  await expect.poll(() => items.count()).toBeGreaterThanOrEqual(7);
  await expect(items.first()).toContainText("Toute l’équipe");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
