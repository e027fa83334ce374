import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { uniqueTag, userId } from "../fixtures/tickets";
import { parseCsv } from "../../lib/csv/csv";

// A machine with two stops in June 2026, and one ticket closed then. The period
// 1–10 June on the factory's clock (Toronto, UTC−4 in June) is 240 h.
// Stops: 3 June 10:00→16:00 UTC (6 h) and 5 June 00:00→12:00 UTC (12 h): downtime 18 h,
// 2 failures, MTTR (6 + 12) / 2 = 9 h, MTBF (240 − 18) / 2 = 111 h, availability 222 / 240 = 92.5 %.
// Tickets: 1 opened (3 June), closed the same day, never overdue: 0 %; reported, not planned: 0 % planned.
const PERIOD = "period=custom&from=2026-06-01&to=2026-06-10";
const EXPECTED = ["18,0", "92,5", "2", "9,0", "111,0", "1", "1", "0,0", "0,0"];

async function seedFixture(name: string) {
  const supervisor = await userId(account("supervisor").email);
  const operator = await userId(account("operator").email);
  const [machine] = await queryD1<{ id: number }>(
    `INSERT INTO machines (machine_type, model, created_at, updated_at) VALUES (${sqlText(name)}, 'Fixture', '2025-01-01T00:00:00.000+00:00', '2025-01-01T00:00:00.000+00:00') RETURNING id`,
  );
  const [ticket] = await queryD1<{ id: number }>(
    `INSERT INTO tickets (ticket_id, title, machine_id, status, reported_by, created_at, updated_at)
     VALUES (${sqlText(`E2E-${name.replaceAll(" ", "-").toUpperCase()}`)}, 'Fixture', ${machine!.id}, 'completed', ${operator},
             '2026-06-03T09:00:00.000+00:00', '2026-06-03T16:00:00.000+00:00') RETURNING id`,
  );
  await queryD1(
    `INSERT INTO ticket_events (ticket_id, actor_id, type, from_value, to_value, created_at)
     VALUES (${ticket!.id}, ${supervisor}, 'status', 'in_progress', 'completed', '2026-06-03T16:00:00.000+00:00')`,
  );
  await queryD1(
    `INSERT INTO machine_downtimes (machine_id, ticket_id, started_at, ended_at, started_by) VALUES
     (${machine!.id}, ${ticket!.id}, '2026-06-03T10:00:00.000+00:00', '2026-06-03T16:00:00.000+00:00', ${operator}),
     (${machine!.id}, ${ticket!.id}, '2026-06-05T00:00:00.000+00:00', '2026-06-05T12:00:00.000+00:00', ${operator})`,
  );
}

test.describe("as a supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("the stats page shows the hand-computed figures of a fixture, and its CSV the same numbers", async ({ page }) => {
    const name = `Presse ${uniqueTag("rel")}`;
    await seedFixture(name);
    await page.goto("/stats");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Fiabilité" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fiabilité");

    await page.getByLabel("Période personnalisée").check();
    await page.getByLabel("Du", { exact: true }).fill("2026-06-01");
    await page.getByLabel("Au (inclus)").fill("2026-06-10");
    await page.getByRole("button", { name: "Afficher" }).click();
    await expect(page).toHaveURL(/\/stats\?period=custom&from=2026-06-01&to=2026-06-10$/);
    await expect(page.getByTestId("stats-period")).toContainText("juin 2026");

    const row = page.getByTestId("figures-table").getByRole("row").filter({ has: page.getByRole("rowheader", { name: `${name} Fixture` }) });
    await expect(row.getByRole("cell")).toHaveText(EXPECTED);
    await expect(page.getByRole("img", { name: "Temps d’arrêt par machine (heures)" })).toBeVisible();
    await expect(page.getByTestId("technicians-table")).toContainText(account("supervisor").name);

    const response = await page.request.get(`/stats/export?${PERIOD}`);
    expect(response.status()).toBe(200);
    const csv = parseCsv(await response.text(), ";");
    if (!csv.ok) throw new Error("unreadable CSV");
    const records = csv.records.map((r) => r.fields);
    expect(records.find((r) => r[0] === `${name} Fixture`)).toEqual([`${name} Fixture`, ...EXPECTED]);
    // Every row of the file is a row of the page's table, cell for cell (empty in the file, "—" on the page).
    const table = await page.getByTestId("figures-table").locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? "").trim())));
    expect(records.slice(1)).toEqual(table.map((cells) => cells.map((c) => (c === "—" ? "" : c))));

    await page.getByText("Comment c’est calculé").click();
    await expect(page.getByText("MTBF (temps moyen entre pannes)")).toBeVisible();
  });

  test("the plant's MTBF says what it adds up, and why it can be longer than the period", async ({ page }) => {
    await seedFixture(`Presse ${uniqueTag("mtbf")}`);
    await page.goto(`/stats?${PERIOD}`);
    await expect(page.getByTestId("plant-mtbf").locator("dd")).toHaveText(/^\d+,\d h$/);
    // Every machine's running time added up (a day of 12 machines is 288 h), divided by the failures:
    // more hours than the period has, which the page says.
    const note = page.getByTestId("plant-mtbf-note");
    await expect(note).toContainText(/^MTBF de l’usine : les \d+ machines ont marché \d+ h au total, ÷ \d+ pannes\./);
    await expect(note).toContainText("il peut donc être plus long que la période (240 h).");
  });

  test("the two CSV downloads have names of their own", async ({ page }) => {
    await page.goto(`/stats?${PERIOD}`);
    const names: string[] = [];
    for (const link of ["Télécharger les chiffres (CSV)", "Télécharger les chiffres par technicien (CSV)"]) {
      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: link, exact: true }).click();
      names.push((await downloading).suggestedFilename());
    }
    expect(names[0]).toMatch(/^fiabilite-machines-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(names[1]).toMatch(/^fiabilite-techniciens-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});

test.describe("as a technician", () => {
  test.use({ storageState: storageState("technician") });

  test("the stats page and its CSV are not there for a technician", async ({ page }) => {
    const response = await page.goto("/stats");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Fiabilité" })).toHaveCount(0);
    expect((await page.request.get("/stats/export?period=30")).status()).toBe(403);
  });
});
