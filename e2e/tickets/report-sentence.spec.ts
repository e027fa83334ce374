import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { expectPageFitsWidth } from "../fixtures/layout";
import { seriousAxeFindings } from "../fixtures/offline";
import { createMachineRow, uniqueTag } from "../fixtures/tickets";

// One sentence fills the report form (issue 23, item 1): the machine, the priority,
// the title and the description, on the server, all left editable. The machines
// are the test's own, named with a tag no other machine has ("x9": a digit, so the
// tag is a code, matched exactly, never through a spelling slip).
test.use({ storageState: storageState("operator") });

async function reportOf(title: string) {
  const [row] = await queryD1<{ machine_id: number; priority: string; description: string }>(
    `SELECT machine_id, priority, description FROM tickets WHERE title = ${sqlText(title)}`,
  );
  return row;
}

test("a typed sentence fills the form, keeps the title the person wrote, and the report goes to the right machine", async ({ page }) => {
  const tag = uniqueTag("x9");
  const machineId = await createMachineRow(`Broyeuse ${tag}`, "operational", "Quai 7");
  const sentence = `la broyeuse ${tag} fuit de l'huile, c'est urgent`;
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Signaler un problème" });

  // The person had already written a title: the sentence does not overwrite it, it offers its own beside it.
  await form.getByLabel("Titre").fill(`Mon titre ${tag}`);
  await form.getByLabel("Décrivez le problème").fill(sentence);
  const read = page.waitForResponse((response) => response.url().includes("/tickets/read/sentence"));
  await form.getByRole("button", { name: "Remplir le formulaire" }).click();
  expect((await read).status()).toBe(200);

  await expect(form.getByText("Formulaire rempli d’après votre phrase. Vérifiez-le avant d’envoyer.")).toBeVisible();
  await expect(form.getByLabel("Machine", { exact: true })).toHaveValue(String(machineId));
  await expect(form.getByLabel("Priorité")).toHaveValue("high");
  await expect(form.getByLabel("Description")).toHaveValue(sentence);
  await expect(form.getByLabel("Titre")).toHaveValue(`Mon titre ${tag}`);
  await expect(form.getByText(`«\u00a0Titre\u00a0» : ce que vous y aviez mis est gardé. La phrase propose : La broyeuse ${tag} fuit de l'huile`)).toBeVisible();
  await expectPageFitsWidth(page);

  // Everything stays editable: the proposed title is taken, the priority lowered by hand.
  await form.getByRole("button", { name: "Remplacer «\u00a0Titre\u00a0»" }).click();
  const title = `La broyeuse ${tag} fuit de l'huile`;
  await expect(form.getByLabel("Titre")).toHaveValue(title);
  await expect(form.getByLabel("Titre")).toBeFocused();
  await form.getByLabel("Priorité").selectOption("medium");
  await form.getByRole("button", { name: "Envoyer le signalement" }).click();

  await expect(page).toHaveURL(/\/tickets\/TKT-M\d{3,}-\d{8}-\d{3}\?reported=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await reportOf(title)).toEqual({ machine_id: machineId, priority: "medium", description: sentence });
});

test("/tickets/new?texte= opens the form filled in; two machines fit, the form asks which one, and the report goes to the one chosen", async ({ page }) => {
  const tag = uniqueTag("x9");
  // The first has no place (nor serial number): its number tells it apart.
  const first = await createMachineRow(`Broyeuse ${tag}`);
  const second = await createMachineRow(`Broyeuse ${tag}`, "operational", "Quai 2");
  const sentence = `broyeuse ${tag} arrêtée, courroie cassée`;
  await page.goto(`/tickets/new?texte=${encodeURIComponent(sentence)}`);
  const form = page.getByRole("form", { name: "Signaler un problème" });

  await expect(form.getByLabel("Décrivez le problème")).toHaveValue(sentence);
  await expect(form.getByLabel("Titre")).toHaveValue(`Broyeuse ${tag} arrêtée`);
  await expect(form.getByLabel("Priorité")).toHaveValue("high");
  await expect(form.getByLabel("Description")).toHaveValue(sentence);
  // It never guesses: the machine stays to choose, and the form asks between the two.
  await expect(form.getByLabel("Machine", { exact: true })).toHaveValue("");
  const question = form.getByRole("group", { name: "Quelle machine ?" });
  await expect(question).toHaveAccessibleDescription("Votre phrase correspond à plusieurs machines. Choisissez la bonne.");
  const choices = question.getByRole("button");
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toHaveText(`Broyeuse ${tag} E2E Machine n°\u00a0${first}`);
  expect(await seriousAxeFindings(page)).toEqual([]);
  await expectPageFitsWidth(page);

  await question.getByRole("button", { name: `Broyeuse ${tag} E2E Quai 2` }).click();
  await expect(question).toHaveCount(0);
  await expect(form.getByLabel("Machine", { exact: true })).toHaveValue(String(second));
  await expect(form.getByLabel("Machine", { exact: true })).toBeFocused();
  await expect(form.getByText(`Machine choisie : Broyeuse ${tag} E2E.`)).toBeVisible();
  await form.getByRole("button", { name: "Envoyer le signalement" }).click();

  await expect(page).toHaveURL(/\/tickets\/TKT-M\d{3,}-\d{8}-\d{3}\?reported=1$/);
  const report = await reportOf(`Broyeuse ${tag} arrêtée`);
  expect(report).toEqual({ machine_id: second, priority: "high", description: sentence });
  expect(report?.machine_id).not.toBe(first);
});

test("in English, a sentence that names no machine says so and leaves the machine to choose", async ({ page }) => {
  await page.context().addCookies([{ name: "atelier-locale", value: "en", url: test.info().project.use.baseURL! }]);
  const tag = uniqueTag("x9");
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Report a problem" });
  await form.getByLabel("Describe the problem").fill(`smoke everywhere near door ${tag}`);
  await form.getByRole("button", { name: "Fill in the form" }).click();
  await expect(form.getByText("Form filled in from your sentence. Check it before sending. No machine recognised in the sentence: choose it from the list.")).toBeVisible();
  await expect(form.getByLabel("Priority")).toHaveValue("critical");
  await expect(form.getByLabel("Title")).toHaveValue(`Smoke everywhere near door ${tag}`);
  await expect(form.getByLabel("Machine", { exact: true })).toHaveValue("");

  // An empty sentence asks for one, in words, and reads nothing.
  await form.getByLabel("Describe the problem").fill("");
  await form.getByRole("button", { name: "Fill in the form" }).click();
  await expect(form.getByText("Type or dictate a sentence first.")).toBeVisible();
  await expect(form.getByLabel("Describe the problem")).toBeFocused();
});
