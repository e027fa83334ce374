import { expect, test, type Locator, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { jpeg, middleOfToday, notifyAssigned, signInAsNew, topOf } from "../fixtures/home";
import { expectPageFitsWidth } from "../fixtures/layout";
import { createMachineRow, createTicketRow, ticketRow, uniqueTag, userId } from "../fixtures/tickets";

// The home on a 360 px phone, by role: each test's own people, tickets and machines.
const DAY = 86_400_000;

/** A finger's target: at least 44 px high. */
async function expectTappable(control: Locator) {
  expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
}

function item(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
}

test.describe("as a new technician", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("Mon travail lists their work overdue, then critical, then due today, then the rest, and each step is one tap", async ({ page }) => {
    const tech = await signInAsNew(page, "technician", "Technicienne Accueil");
    const tag = uniqueTag("home");
    const reporter = account("operator").email;
    await createTicketRow({ title: `Retard ${tag}`, reporterEmail: reporter, assignedTo: tech.id, priority: "low", scheduledDate: new Date(Date.now() - 2 * DAY) });
    await createTicketRow({ title: `Critique ${tag}`, reporterEmail: reporter, assignedTo: tech.id, priority: "critical" });
    const today = await createTicketRow({ title: `Aujourdhui ${tag}`, reporterEmail: reporter, assignedTo: tech.id, status: "in_progress", scheduledDate: middleOfToday() });
    const rest = await createTicketRow({ title: `Ensuite ${tag}`, reporterEmail: reporter, assignedTo: tech.id, priority: "high" });

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon travail");
    // Theirs only (the team's tickets are every test's): the chip, a tap away.
    const mine = page.getByRole("navigation", { name: "Afficher" }).getByRole("link", { name: /^À moi/ });
    await expectTappable(mine);
    await mine.tap();
    await expect(page).toHaveURL(/\/\?show=mine$/);
    await expect(mine).toHaveAttribute("aria-current", "page");
    await expect(mine).toContainText("4");
    const groups = [["En retard", `Retard ${tag}`], ["Critique", `Critique ${tag}`], ["Aujourd’hui", `Aujourdhui ${tag}`], ["Ensuite", `Ensuite ${tag}`]];
    for (const [group, title] of groups) {
      await expect(page.getByRole("region", { name: new RegExp(`^${group}`) }).getByRole("heading", { name: title })).toBeVisible();
    }
    const tops = await topOf(page, groups.map(([, title]) => title!));
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await expect(item(page, `Retard ${tag}`)).toContainText("En retard de");
    await expectPageFitsWidth(page);

    // Commencer: one tap, then the next step is there.
    const start = item(page, `Ensuite ${tag}`).getByRole("button", { name: /^Commencer/ });
    await expectTappable(start);
    await start.tap();
    await expect(page.getByRole("status").filter({ hasText: rest.ticketId })).toContainText(`${rest.ticketId} : en cours.`);
    await expect(item(page, `Ensuite ${tag}`).getByRole("button", { name: /^Terminé/ })).toBeVisible();
    await expect.poll(async () => (await ticketRow(rest.id)).status).toBe("in_progress");

    // Terminé with a comment and a photo, chosen with the app's own button; then undone.
    const finishing = item(page, `Aujourdhui ${tag}`);
    await finishing.getByRole("button", { name: "Note ou photo" }).tap();
    await finishing.getByLabel("Commentaire (facultatif)").fill("Courroie remplacée");
    await expectTappable(finishing.getByText("Ajouter une photo"));
    await finishing.getByLabel("Ajouter une photo").setInputFiles(jpeg("courroie.jpg"));
    await expect(finishing.getByTestId("chosen-files").getByRole("img", { name: "courroie.jpg" })).toBeVisible();
    await finishing.getByRole("button", { name: /^Terminé/ }).tap();
    const notice = page.getByRole("status").filter({ hasText: today.ticketId });
    await expect(notice).toContainText(`${today.ticketId} : terminé.`);
    await expect(item(page, `Aujourdhui ${tag}`)).toHaveCount(0);
    await expect.poll(async () => (await ticketRow(today.id)).status).toBe("completed");
    const [written] = await queryD1<{ comments: number; photos: number }>(
      `SELECT (SELECT COUNT(*) FROM ticket_comments WHERE ticket_id = ${today.id} AND content = 'Courroie remplacée') AS comments,
              (SELECT COUNT(*) FROM media WHERE ticket_id = ${today.id} AND file_name = 'courroie.jpg') AS photos`,
    );
    expect(written).toEqual({ comments: 1, photos: 1 });

    await notice.getByRole("button", { name: "Annuler" }).tap();
    await expect(notice).toContainText(`${today.ticketId} remis à « En cours ».`);
    await expect(item(page, `Aujourdhui ${tag}`).getByRole("button", { name: /^Terminé/ })).toBeVisible();
    await expect.poll(async () => (await ticketRow(today.id)).status).toBe("in_progress");
  });

  test("J'y vais in the notification list takes a team ticket, starts it and opens it", async ({ page }) => {
    const tech = await signInAsNew(page, "technician", "Technicien Notif");
    const title = `Équipe ${uniqueTag("go")}`;
    const ticket = await createTicketRow({ title, reporterEmail: account("operator").email, assignedTo: 0 });
    await notifyAssigned(tech.id, ticket.id, account("supervisor").email);

    await page.goto("/notifications");
    const go = page.getByRole("button", { name: `J’y vais : ${ticket.ticketId}` });
    await expectTappable(go);
    await go.tap();
    await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.ticketId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    expect(await ticketRow(ticket.id)).toMatchObject({ status: "in_progress", assigned_to: tech.id });
    // Done: the list no longer offers it.
    await page.goto("/notifications");
    await expect(page.getByRole("button", { name: `J’y vais : ${ticket.ticketId}` })).toHaveCount(0);
  });
});

test.describe("as a new operator", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("lands on their reports, the report button first, each saying where it stands, in French and in English", async ({ page, context }) => {
    const operator = await signInAsNew(page, "operator", "Opératrice Accueil");
    const tag = uniqueTag("rep");
    const tech = await userId(account("technician").email);
    await createTicketRow({ title: `Attente ${tag}`, reporterEmail: operator.email });
    await createTicketRow({ title: `Pris ${tag}`, reporterEmail: operator.email, assignedTo: tech, status: "in_progress", scheduledDate: new Date("2026-12-11T13:00:00Z") });
    await createTicketRow({ title: `Fini ${tag}`, reporterEmail: operator.email, assignedTo: 0, status: "completed" });

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes signalements");
    const report = page.getByRole("main").getByRole("link", { name: "Signaler un problème" });
    await expectTappable(report);
    expect((await report.boundingBox())!.y).toBeLessThan(200);
    await expect(item(page, `Attente ${tag}`)).toContainText("Requête reçue");
    await expect(item(page, `Attente ${tag}`)).toContainText("Pas encore pris en charge");
    await expect(item(page, `Attente ${tag}`)).toContainText("Pas encore planifié");
    await expect(item(page, `Pris ${tag}`)).toContainText("En cours");
    await expect(item(page, `Pris ${tag}`)).toContainText("Pris en charge par Julie Roy");
    await expect(item(page, `Pris ${tag}`)).toContainText("Prévu le 11 déc. 2026");
    await expect(page.getByRole("region", { name: /^Terminés/ }).getByRole("heading", { name: `Fini ${tag}` })).toBeVisible();
    const tops = await topOf(page, [`Pris ${tag}`, `Fini ${tag}`]);
    expect(tops[0]).toBeLessThan(tops[1]!);
    await expectPageFitsWidth(page);

    await context.addCookies([{ name: "atelier-locale", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My reports");
    await expect(item(page, `Attente ${tag}`)).toContainText("Not taken yet");
    await expect(item(page, `Pris ${tag}`)).toContainText("Taken by Julie Roy");
    await expect(page.getByRole("main").getByRole("link", { name: "Report a problem" })).toBeVisible();
  });
});

test.describe("as the supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("lands on what needs a decision: tickets nobody has, overdue ones, machines down, plans to review", async ({ page }) => {
    const tag = uniqueTag("dec");
    const reporter = account("operator").email;
    await createTicketRow({ title: `Personne ${tag}`, reporterEmail: reporter, priority: "critical" });
    // Older than any other test's overdue ticket: the list shows the longest overdue first.
    const late = await createTicketRow({ title: `Oublié ${tag}`, reporterEmail: reporter, assignedTo: await userId(account("technician").email), scheduledDate: new Date(Date.UTC(2000, 0, 2) + Math.random() * DAY) });
    const machine = await createMachineRow(`Fraiseuse ${tag}`);
    const stopped = await createTicketRow({ title: `Arrêt ${tag}`, reporterEmail: reporter, machineId: machine });
    await queryD1(`UPDATE machines SET down_since = '2000-01-03T13:00:00.000+00:00', down_ticket_id = ${stopped.id} WHERE id = ${machine}`);
    const stamp = new Date().toISOString().replace("Z", "+00:00");
    await queryD1(
      `INSERT INTO maintenance_plans (machine_id, title, steps, assigned_to, priority, recurrence, interval_count, start_date, time_of_day, lead_days, missed_streak, created_by, created_at, updated_at)
       VALUES (${machine}, ${sqlText(`Graissage ${tag}`)}, '[]', 0, 'medium', 'days', 1, '2026-03-02', '08:00', 0, 999, ${await userId(account("supervisor").email)}, ${sqlText(stamp)}, ${sqlText(stamp)})`,
    );

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("À décider");
    await expect(page.getByTestId("decide-unassigned").getByRole("link", { name: `Personne ${tag}` })).toBeVisible();
    await expect(page.getByTestId("decide-overdue").getByRole("link", { name: `Oublié ${tag}` })).toBeVisible();
    const down = page.getByTestId("decide-down").getByRole("listitem").filter({ hasText: `Fraiseuse ${tag}` });
    await expect(down).toContainText("À l’arrêt depuis");
    await expect(down.getByRole("link", { name: `Ticket ${stopped.ticketId}` })).toBeVisible();
    await expect(page.getByTestId("decide-plans").getByRole("listitem").filter({ hasText: `Graissage ${tag}` })).toContainText("999 tickets de suite jamais commencés");
    await expectPageFitsWidth(page);

    await page.getByTestId("decide-overdue").getByRole("link", { name: `Oublié ${tag}` }).tap();
    await expect(page).toHaveURL(new RegExp(`/tickets/${late.ticketId}$`));
  });
});

test.describe("as the admin", () => {
  test.use({ storageState: storageState("admin") });

  test("keeps the plant overview", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord");
    await expect(page.getByRole("heading", { name: "Tickets par statut" })).toBeVisible();
    await expectPageFitsWidth(page);
  });
});
