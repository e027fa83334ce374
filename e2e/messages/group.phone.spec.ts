import { expect, test } from "@playwright/test";
import { createGroupRows, createPerson } from "../fixtures/groups";
import { signedInContext } from "../fixtures/sign-in";
import { uniqueTag } from "../fixtures/tickets";

const PASSWORD = "Groupe-telephone-2026";

test("on a 360 px phone a lead makes a group with a finger: the list narrows as they type, each row a finger tall", async ({ browser }) => {
  const tag = uniqueTag("tel");
  const lead = await createPerson({ name: `Sophie ${tag}`, role: "supervisor", password: PASSWORD });
  const people = await Promise.all(["Éloïse", "Eloise", "Bruno"].map((first) => createPerson({ name: `${first} ${tag}`, role: "technician", password: PASSWORD })));
  const { context, page } = await signedInContext(browser, lead);
  await page.goto("/messages/new/group");
  await page.getByLabel("Nom du groupe").fill(`Nuit ${tag}`);

  const search = page.getByLabel("Chercher une personne");
  // Accents and capitals do not matter: "eloise" finds both Éloïse and Eloise, and only them.
  await search.fill(`ELOISE ${tag}`);
  const shown = page.getByTestId("member-picker").getByRole("checkbox");
  await expect(shown.filter({ visible: true })).toHaveCount(2);
  for (const row of await page.getByTestId("member-picker").locator("label").filter({ visible: true }).all()) {
    expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(56);
  }
  // The row is the target: a tap anywhere on the name ticks it.
  await page.getByTestId("member-picker").locator("label").filter({ hasText: people[0]!.name }).tap();
  await search.fill(`bruno ${tag}`);
  await page.getByTestId("member-picker").locator("label").filter({ hasText: people[2]!.name }).tap();
  // Someone the search hides stays chosen.
  await expect(page.getByText("2 personnes choisies")).toBeVisible();
  await page.getByRole("button", { name: "Créer le groupe" }).tap();
  await expect(page).toHaveURL(/\/messages\/g\d+$/);
  await page.getByRole("link", { name: /3 membres/ }).tap();
  await expect(page.getByTestId("group-members").locator("[data-member]")).toHaveText([new RegExp(people[2]!.name), new RegExp(people[0]!.name), new RegExp(`${lead.name} \\(vous\\)`)]);
  await context.close();
});

test("on a 360 px phone any member leaves a group after a question, and it is gone from their list", async ({ browser }) => {
  const tag = uniqueTag("part");
  const lead = await createPerson({ name: `Chef ${tag}`, role: "admin", password: PASSWORD });
  const member = await createPerson({ name: `Opérateur ${tag}`, role: "operator", password: PASSWORD });
  const key = await createGroupRows(`Quart de nuit ${tag}`, lead.id, [member.id]);
  const { context, page } = await signedInContext(browser, member);
  await page.goto(`/messages/${key}/members`);
  // Not a lead: nothing to manage, only to leave.
  await expect(page.getByRole("button", { name: /^Retirer/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Quitter le groupe" }).tap();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Quitter le groupe «\u00a0Quart de nuit ${tag}\u00a0» ?`);
  await dialog.getByRole("button", { name: "Quitter le groupe" }).tap();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.locator(`[data-conversation="${key}"]`)).toHaveCount(0);
  expect((await page.goto(`/messages/${key}`))?.status()).toBe(404);
  await context.close();
});
