import { expect, test, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText, workerOrigin } from "../fixtures/d1";
import { createTicketRow, ticketRow, uniqueTag } from "../fixtures/tickets";

// The board's columns are the whole plant's: a column added here shows on every
// board, so these specs live in the plant world (playwright.config.ts) and each
// deletes the columns it adds, even when it fails (afterEach).
test.use({ storageState: storageState("admin") });

const prefix = "E2E colonne";
test.afterEach(async () => {
  const mine = `name_fr LIKE ${sqlText(`${prefix}%`)} AND deleted_at IS NULL`;
  const now = sqlText(new Date().toISOString().replace("Z", "+00:00"));
  await queryD1(`UPDATE tickets SET status = 'archived' WHERE status IN (SELECT key FROM board_columns WHERE ${mine})`);
  await queryD1(`UPDATE board_columns SET deleted_at = ${now} WHERE ${mine}`);
});

/** The list's rows, in the board's order, by column key. */
const order = (page: Page) => page.locator("[data-column-row]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-column-row")));
const row = (page: Page, name: string) => page.locator("[data-column-row]").filter({ has: page.getByRole("heading", { name, exact: true }) });

async function addColumn(page: Page, names: { fr: string; en: string }, stage = "En travail", color = "Sarcelle") {
  const form = page.getByRole("form", { name: "Ajouter une colonne" });
  await form.getByLabel("Nom en français").fill(names.fr);
  await form.getByLabel("Nom en anglais").fill(names.en);
  await form.getByRole("radio", { name: new RegExp(`^${stage}`) }).check();
  await form.getByRole("radio", { name: color }).check();
  await form.getByRole("button", { name: "Ajouter la colonne" }).click();
  await expect(form.getByRole("status")).toHaveText("Colonne ajoutée.");
  await expect(row(page, names.fr)).toBeVisible();
  const [column] = await queryD1<{ key: string }>(`SELECT key FROM board_columns WHERE name_fr = ${sqlText(names.fr)} AND deleted_at IS NULL`);
  return column!.key;
}

test("an admin adds a column, renames it, moves it up and down and deletes it once empty, each change in the audit log", async ({ page }) => {
  const tag = uniqueTag("col");
  // One of the plant's settings: reached from Paramètres, which the navigation shows as the current page.
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "Gérer les colonnes du tableau" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Colonnes du tableau" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Paramètres" })).toHaveAttribute("aria-current", "page");
  const key = await addColumn(page, { fr: `${prefix} ${tag}`, en: `E2E column ${tag}` });
  // After the columns of its stage (En travail: after En cours).
  expect(await order(page)).toEqual(["received", "diagnostic", "in_progress", key, "waiting_parts", "completed", "archived"]);
  await expect(row(page, `${prefix} ${tag}`)).toContainText("Étape : En travail · Sarcelle");
  await expect(row(page, `${prefix} ${tag}`).getByTestId("column-tickets")).toHaveText("0 ticket");

  // Renamed in both languages, and recoloured.
  const renamed = `${prefix} ${tag} vérifiée`;
  await row(page, `${prefix} ${tag}`).getByText("Modifier", { exact: true }).click();
  const edit = row(page, `${prefix} ${tag}`).getByRole("form", { name: "Modifier" });
  await edit.getByLabel("Nom en français").fill(renamed);
  await edit.getByLabel("Nom en anglais").fill(`E2E column ${tag} checked`);
  await edit.getByRole("radio", { name: "Violet" }).check();
  await edit.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row(page, renamed)).toBeVisible();
  await expect(row(page, renamed)).toContainText(`Anglais : E2E column ${tag} checked`);
  await expect(row(page, renamed)).toContainText("· Violet");

  // One place up, then two down.
  await page.getByRole("button", { name: `Monter «\u00a0${renamed}\u00a0»` }).click();
  await expect.poll(() => order(page)).toEqual(["received", "diagnostic", key, "in_progress", "waiting_parts", "completed", "archived"]);
  await expect(page.getByRole("button", { name: `Monter «\u00a0${renamed}\u00a0»` })).toBeFocused();
  await page.getByRole("button", { name: `Descendre «\u00a0${renamed}\u00a0»` }).click();
  await expect.poll(() => order(page)).toEqual(["received", "diagnostic", "in_progress", key, "waiting_parts", "completed", "archived"]);
  await page.getByRole("button", { name: `Descendre «\u00a0${renamed}\u00a0»` }).click();
  await expect.poll(() => order(page)).toEqual(["received", "diagnostic", "in_progress", "waiting_parts", key, "completed", "archived"]);

  // The built-in received, completed and archived columns offer no deletion.
  for (const name of ["Requête reçue", "Terminé", "Archivé"]) {
    await expect(row(page, name).getByRole("button", { name: /^Supprimer/ })).toHaveCount(0);
    await expect(row(page, name)).toContainText("ne se supprime pas");
  }

  // Empty: deleted after a confirmation.
  await page.getByRole("button", { name: `Supprimer «\u00a0${renamed}\u00a0»` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Supprimer la colonne «\u00a0${renamed}\u00a0» ?`);
  await dialog.getByRole("button", { name: "Supprimer" }).click();
  await expect(row(page, renamed)).toHaveCount(0);
  expect(await order(page)).not.toContain(key);

  await page.goto("/admin/audit?action=column.reordered");
  await expect(page.getByTestId("audit-list").getByRole("listitem").first()).toContainText("Colonnes réordonnées");
  await expect(page.getByTestId("audit-list").getByRole("listitem").first()).toContainText(renamed);
  await page.goto("/admin/audit?action=column.deleted");
  await expect(page.getByTestId("audit-list").getByRole("listitem").first()).toContainText(renamed);
});

test("a ticket moved into a new column on the board shows its name; deleting that column is refused in words and the page offers to move its ticket first", async ({ page, context }) => {
  const tag = uniqueTag("colt");
  const name = `${prefix} ${tag}`;
  await page.goto("/admin/settings/columns");
  const key = await addColumn(page, { fr: name, en: `E2E column ${tag}` }, "En attente", "Rose");

  // On the board, the ticket goes there through its "Déplacer vers…" menu.
  const ticket = await createTicketRow({ title: `Colonne ${tag}`, reporterEmail: account("operator").email });
  const board = await context.newPage();
  await board.goto(`/tickets?q=${tag}`);
  await expect(board.getByTestId(`column-${key}`).getByRole("heading", { name })).toBeVisible();
  await board.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await board.getByRole("menuitem", { name }).click();
  await expect(board.getByTestId(`column-${key}`).locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe(key);
  await board.goto(`/tickets/${ticket.ticketId}`);
  await expect(board.getByTestId("ticket-status")).toHaveText(name);

  // The columns page was opened while the column was empty: its deletion is refused, and says why.
  await page.getByRole("button", { name: `Supprimer «\u00a0${name}\u00a0»` }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Supprimer" }).click();
  await expect(dialog).toContainText(`«\u00a0${name}\u00a0» contient encore 1 ticket : déplacez-les vers une autre colonne avant de la supprimer.`);
  await dialog.getByRole("button", { name: "Annuler" }).click();
  expect(await order(page)).toContain(key);

  // Read again, the page offers to move it first.
  await page.reload();
  const column = row(page, name);
  await expect(column.getByTestId("column-tickets")).toHaveText("1 ticket");
  await column.getByText("Supprimer", { exact: true }).click();
  await expect(column).toContainText(`«\u00a0${name}\u00a0» contient 1 ticket : une colonne ne peut être supprimée qu’une fois vide.`);
  await column.getByLabel("Déplacer son ticket vers").selectOption({ label: "En cours" });
  await column.getByRole("button", { name: "Déplacer et supprimer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Déplacer et supprimer" }).click();
  await expect(row(page, name)).toHaveCount(0);
  await expect.poll(async () => (await ticketRow(ticket.id)).status).toBe("in_progress");

  // The deleted column keeps its name in the ticket's timeline.
  await board.reload();
  await expect(board.getByTestId("timeline")).toContainText(`a changé le statut : ${name} → En cours`);
  await expect(board.getByTestId("ticket-status")).toHaveText("En cours");
});

test("in English the page, the board and the ticket read the columns' English names", async ({ page }) => {
  const tag = uniqueTag("cole");
  await page.context().addCookies([{ name: "atelier-locale", value: "en", url: workerOrigin() }]);
  await page.goto("/admin/settings/columns");
  await expect(page.getByRole("heading", { level: 1, name: "Board columns" })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a column" });
  await form.getByLabel("French name").fill(`${prefix} ${tag}`);
  await form.getByLabel("English name").fill(`Quality check ${tag}`);
  await form.getByRole("radio", { name: /^In work/ }).check();
  await form.getByRole("button", { name: "Add the column" }).click();
  await expect(form.getByRole("status")).toHaveText("Column added.");
  await expect(row(page, `Quality check ${tag}`)).toContainText("Stage: In work");
  const [{ key }] = (await queryD1<{ key: string }>(`SELECT key FROM board_columns WHERE name_fr = ${sqlText(`${prefix} ${tag}`)}`)) as [{ key: string }];
  const ticket = await createTicketRow({ title: `Quality ${tag}`, reporterEmail: account("operator").email, status: key });
  await page.goto(`/tickets?q=${tag}`);
  await expect(page.getByTestId(`column-${key}`).getByRole("heading", { name: `Quality check ${tag}` })).toBeVisible();
  await expect(page.getByTestId(`column-${key}`).locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible();
  await page.goto(`/tickets/${ticket.ticketId}`);
  await expect(page.getByTestId("ticket-status")).toHaveText(`Quality check ${tag}`);
});
