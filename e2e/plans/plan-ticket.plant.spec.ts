import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { createMachineRow, uniqueTag } from "../fixtures/tickets";

/**
 * The worker's scheduled handler at an injected time: miniflare's trigger route
 * (wrangler dev) takes the instant as `time`, in milliseconds. It answers once
 * the handler returned; the run itself goes on in waitUntil (worker.ts).
 */
async function runCronAt(request: APIRequestContext, at: number) {
  const response = await request.get(`/cdn-cgi/local/scheduled?cron=*/5+*+*+*+*&time=${at}`);
  expect(response.ok()).toBe(true);
  await expect
    .poll(async () => (await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM cron_runs WHERE job = 'preventive-plans' AND started_at = '${new Date(at).toISOString().replace("Z", "+00:00")}' AND outcome <> 'running'`))[0]!.n, { timeout: 30_000 })
    .toBeGreaterThan(0);
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA", { timeZone: "America/Toronto" });

test.describe("a supervisor's plan", () => {
  test.use({ storageState: storageState("supervisor") });

  test("is refused with a clear message when it would never fire, then creates its ticket on the board at its due time", async ({ page, request }) => {
    const tag = uniqueTag("pm");
    const machineId = await createMachineRow(`Compresseur ${tag}`);
    await page.goto(`/machines/${machineId}`);
    await page.locator("summary", { hasText: "Nouveau plan" }).click();
    const form = page.getByRole("form", { name: "Nouveau plan" });
    await form.getByLabel("Titre").fill(`Graissage ${tag}`);
    await form.getByLabel("Liste de vérification").fill("Vérifier le niveau d’huile\nGraisser les paliers");
    await form.getByLabel("Récurrence").selectOption("weeks");
    await form.getByLabel("N (intervalle)").fill("0");
    await form.getByLabel("Première échéance").fill(tomorrow());
    await form.getByLabel("Heure (heure de l’usine)").fill("08:00");
    await form.getByRole("button", { name: "Créer le plan" }).click();
    await expect(form.getByText("le plan ne créerait jamais de ticket")).toBeVisible();
    expect(await queryD1(`SELECT id FROM maintenance_plans WHERE machine_id = ${machineId}`)).toEqual([]);

    await form.getByLabel("N (intervalle)").fill("1");
    await form.getByRole("button", { name: "Créer le plan" }).click();
    await expect(page.getByTestId("plan")).toContainText(`Graissage ${tag}`);
    await expect(page.getByTestId("plan")).toContainText("Chaque semaine à 08:00");
    const [plan] = await queryD1<{ id: number; next_due_at: string }>(`SELECT id, next_due_at FROM maintenance_plans WHERE machine_id = ${machineId}`);
    const due = Date.parse(plan!.next_due_at);

    // A minute before its due time: nothing yet.
    await runCronAt(request, due - 60_000);
    expect(await queryD1(`SELECT id FROM tickets WHERE plan_id = ${plan!.id}`)).toEqual([]);

    await runCronAt(request, due);
    const [ticket] = await queryD1<{ id: number; scheduled_date: string }>(`SELECT id, scheduled_date FROM tickets WHERE plan_id = ${plan!.id}`);
    expect(Date.parse(ticket!.scheduled_date)).toBe(due);
    await page.goto(`/tickets?q=${tag}`);
    await expect(page.locator(`li[data-ticket="${ticket!.id}"]`)).toContainText(`Graissage ${tag}`);
  });
});

test.describe("a plan whose last 3 tickets were never started", () => {
  test.use({ storageState: storageState("supervisor") });

  test("is flagged to leads on the machine page and on the planning", async ({ page }) => {
    const tag = uniqueTag("flag");
    const machineId = await createMachineRow(`Scie ${tag}`);
    const stamp = new Date().toISOString().replace("Z", "+00:00");
    await queryD1(
      `INSERT INTO maintenance_plans (machine_id, title, steps, assigned_to, priority, recurrence, interval_count, start_date, time_of_day, lead_days, next_due_at, missed_streak, created_by, created_at, updated_at)
       VALUES (${machineId}, 'Affûtage ${tag}', '["Affûter"]', 0, 'low', 'weeks', 1, '2026-01-05', '08:00', 0, '${stamp}', 3,
               (SELECT id FROM users WHERE role = 'supervisor' LIMIT 1), '${stamp}', '${stamp}')`,
    );
    await page.goto(`/machines/${machineId}`);
    await expect(page.getByTestId("plan")).toContainText("À revoir : les 3 derniers tickets de ce plan n’ont jamais été commencés.");
    await page.goto(`/planning?machine=${machineId}`);
    await expect(page.getByRole("region", { name: "Plans à revoir" })).toContainText(`Affûtage ${tag}`);
  });
});

test.describe("a technician on a plan's ticket", () => {
  test.use({ storageState: storageState("technician") });

  test("ticks and unticks its checklist, each recorded in the timeline", async ({ page, request }) => {
    const tag = uniqueTag("chk");
    const machineId = await createMachineRow(`Convoyeur ${tag}`);
    const due = Date.now() + 2 * 86_400_000;
    const stamp = new Date().toISOString().replace("Z", "+00:00");
    const [plan] = await queryD1<{ id: number }>(
      `INSERT INTO maintenance_plans (machine_id, title, steps, assigned_to, priority, recurrence, interval_count, start_date, time_of_day, lead_days, next_due_at, created_by, created_at, updated_at)
       VALUES (${machineId}, 'Inspection ${tag}', '["Vérifier la courroie","Nettoyer les capteurs"]', 0, 'medium', 'days', 7, '2026-01-01', '08:00', 0,
               '${new Date(due).toISOString().replace("Z", "+00:00")}', (SELECT id FROM users WHERE role = 'supervisor' LIMIT 1), '${stamp}', '${stamp}')
       RETURNING id`,
    );
    await runCronAt(request, due);
    const [ticket] = await queryD1<{ ticket_id: string }>(`SELECT ticket_id FROM tickets WHERE plan_id = ${plan!.id}`);

    await page.goto(`/tickets/${ticket!.ticket_id}`);
    const checklist = page.getByRole("region", { name: "Liste de vérification" });
    await expect(checklist).toContainText(`Plan d’entretien : Inspection ${tag}`);
    await expect(checklist.getByTestId("checklist-progress")).toHaveText("0 sur 2 étapes faites");
    await checklist.getByLabel("Nettoyer les capteurs").check();
    await expect(checklist.getByTestId("checklist-progress")).toHaveText("1 sur 2 étapes faites");
    await expect(checklist).toContainText(/Cochée par .+ le /);
    await expect(page.getByTestId("timeline")).toContainText("a coché « Nettoyer les capteurs »");

    await page.reload();
    await expect(checklist.getByLabel("Nettoyer les capteurs")).toBeChecked();
    await checklist.getByLabel("Nettoyer les capteurs").uncheck();
    await expect(page.getByTestId("timeline")).toContainText("a décoché « Nettoyer les capteurs »");
    await expect(checklist.getByTestId("checklist-progress")).toHaveText("0 sur 2 étapes faites");
  });
});
