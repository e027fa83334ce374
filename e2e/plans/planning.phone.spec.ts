import { expect, test } from "@playwright/test";
import { utcToWallTime, wallTimeToUtc } from "../../lib/factory-time";
import { formatDay } from "../../lib/format";
import { addDays } from "../../lib/plans/recurrence";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { createMachineRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("supervisor") });

// The demo plant's clock (prisma/seed.ts); plant-wide settings are changed only in the plant world.
const FACTORY_ZONE = "America/Toronto";

test("the planning reads as a list at 360 px, filtered by machine, with nothing wider than the screen", async ({ page }) => {
  const tag = uniqueTag("plan");
  const machineId = await createMachineRow(`Tour ${tag}`);
  // Weekly at 08:00 from tomorrow on the factory's calendar: a plan as the form would save it.
  const today = utcToWallTime(new Date(), FACTORY_ZONE).date;
  const start = addDays(today, 1);
  const firstDue = wallTimeToUtc(start, "08:00", FACTORY_ZONE)!.toISOString().replace("Z", "+00:00");
  const stamp = new Date().toISOString().replace("Z", "+00:00");
  await queryD1(
    `INSERT INTO maintenance_plans (machine_id, title, steps, assigned_to, priority, recurrence, interval_count, start_date, time_of_day, lead_days, next_due_at, created_by, created_at, updated_at)
     VALUES (${machineId}, 'Lubrification ${tag}', '["Huiler"]', 0, 'medium', 'weeks', 1, ${sqlText(start)}, '08:00', 0, ${sqlText(firstDue)},
             (SELECT id FROM users WHERE role = 'supervisor' LIMIT 1), '${stamp}', '${stamp}')`,
  );

  await page.goto("/planning");
  await page.getByLabel("Machine").selectOption({ label: `Tour ${tag} E2E` });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`machine=${machineId}`));

  const list = page.getByTestId("planning-list");
  await expect(list).toBeVisible();
  await expect(page.getByTestId("planning-calendar")).toBeHidden();
  const items = list.getByRole("link", { name: new RegExp(`Lubrification ${tag}`) });
  await expect(items.first()).toContainText("Toute l’équipe");

  // Each day of the list under its heading, read back as a date: the days the page
  // could show (a week back, ten ahead), written as the page writes them.
  const dayOf = new Map(Array.from({ length: 80 }, (_, i) => addDays(today, i - 7)).map((day) => [formatDay(day, "fr"), day]));
  const headings = await list.locator(":scope > li > h2").evaluateAll((nodes) => nodes.map((node) => node.firstChild?.textContent ?? ""));
  const days = headings.map((heading) => dayOf.get(heading));
  expect(days).not.toContain(undefined);
  // One occurrence a day, a week apart, from the plan's first day; the 8 weeks shown
  // (from this week's Monday) hold at least 7 of them whatever today is.
  await expect(items).toHaveCount(days.length);
  expect(days[0]).toBe(start);
  for (let i = 1; i < days.length; i++) expect(days[i]).toBe(addDays(days[i - 1]!, 7));
  expect(days.length).toBeGreaterThanOrEqual(7);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
