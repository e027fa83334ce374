import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { signInThroughForm } from "../fixtures/sign-in";
import { expectSaidOnceOn } from "../fixtures/forms";

test.use({ storageState: storageState("admin") });

test("an admin creates a technician, who must choose a password at first sign-in and then lands on the dashboard", async ({ page, browser }) => {
  const email = `nouvelle.tech.${Date.now()}@e2e.test`;
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Nouvel utilisateur" }).click();
  await page.getByLabel("Nom").fill("Nadia Bergeron");
  await page.getByLabel("Courriel").fill(email);
  await page.getByLabel("Rôle").selectOption("technician");
  await page.getByLabel("Mot de passe temporaire").fill("Temporaire-2026!");
  await page.getByRole("button", { name: "Créer l’utilisateur" }).click();
  await expect(page.getByRole("status")).toContainText("Le compte de Nadia Bergeron est créé");

  const [row] = await queryD1<{ role: string; must_change_password: number }>(
    `SELECT role, must_change_password FROM users WHERE email = ${sqlText(email)}`,
  );
  expect(row).toEqual({ role: "technician", must_change_password: 1 });
  const [audit] = await queryD1<{ after: string }>(`SELECT after FROM audit_logs WHERE action = 'user.created' AND after LIKE ${sqlText(`%${email}%`)}`);
  expect(audit!.after).toContain(email);
  expect(audit!.after).not.toMatch(/pbkdf2|Temporaire/);

  // The technician, in their own browser.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const tech = await context.newPage();
  await signInThroughForm(tech, email, "Temporaire-2026!");
  await expect(tech).toHaveURL(/\/change-password$/);
  await expect(tech.getByRole("heading", { name: "Choisissez votre mot de passe" })).toBeVisible();
  // Every page of the app sends them back here until the password is changed.
  await tech.goto("/profile");
  await expect(tech).toHaveURL(/\/change-password$/);
  await tech.goto("/");
  await expect(tech).toHaveURL(/\/change-password$/);
  expect((await tech.request.get("/tickets/export")).status()).toBe(403);

  await tech.getByLabel("Mot de passe temporaire").fill("Temporaire-2026!");
  await tech.getByLabel("Nouveau mot de passe", { exact: true }).fill("Atelier-Technicien-2026");
  await tech.getByLabel("Confirmer le nouveau mot de passe").fill("Atelier-Technicien-2026");
  await tech.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expectSaidOnceOn(tech, tech.getByLabel("Nouveau mot de passe", { exact: true }), "Ce mot de passe de démonstration est public : choisissez-en un autre.");
  // What was typed in the other fields is kept after a refusal.
  await expect(tech.getByLabel("Mot de passe temporaire")).toHaveValue("Temporaire-2026!");

  await tech.getByLabel("Nouveau mot de passe", { exact: true }).fill("Ma-phrase-secrete-42");
  await tech.getByLabel("Confirmer le nouveau mot de passe").fill("Ma-phrase-secrete-42");
  await tech.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(tech).toHaveURL(/\/$/);
  // A technician lands on their own work.
  await expect(tech.getByRole("heading", { level: 1, name: "Mon travail" })).toBeVisible();
  await context.close();
});

test("creating an account with a taken email or a short password shows the reason next to the field", async ({ page }) => {
  await page.goto("/admin/users/new");
  await page.getByLabel("Nom").fill("Doublon");
  await page.getByLabel("Courriel").fill("ADMIN@atelier.demo");
  await page.getByLabel("Mot de passe temporaire").fill("court");
  await page.getByRole("button", { name: "Créer l’utilisateur" }).click();
  await expect(page.getByText("Le mot de passe doit contenir au moins 10 caractères.").last()).toBeVisible();
  await page.getByLabel("Mot de passe temporaire").fill("assez-long-2026");
  await page.getByRole("button", { name: "Créer l’utilisateur" }).click();
  await expect(page.locator("#email-error")).toHaveText("Un autre compte utilise déjà ce courriel.");
  await expectSaidOnceOn(page, page.getByLabel("Courriel"), "Un autre compte utilise déjà ce courriel.");
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
});

test("a name that only looks like an active person's is refused next to the name field, in words, and nothing is created", async ({ page }) => {
  // The demo admin is the Sophie Tremblay of issue 21's audit.
  const email = `sosie.${Date.now()}@e2e.test`;
  await page.goto("/admin/users/new");
  await page.getByLabel("Courriel").fill(email);
  await page.getByLabel("Mot de passe temporaire").fill("Temporaire-2026!");
  const tries: [string, string][] = [
    ["Sophie Tremblay\u200b", "Ce nom contient un caractère invisible (espace sans largeur, trait d’union conditionnel, marque de sens d’écriture…). Tapez-le au clavier plutôt que de le coller."],
    ["S\u043ephie Tremblay", "Ce nom mêle deux alphabets, par exemple des lettres latines et des lettres cyrilliques ou grecques qui leur ressemblent. Écrivez-le dans un seul alphabet."],
    ["Sophie Trernblay", "Un compte actif porte déjà ce nom, ou un nom qui s’y confond (majuscules, accents et lettres semblables ne comptent pas). Ajoutez une initiale ou un surnom pour vous distinguer."],
  ];
  for (const [name, message] of tries) {
    await page.getByLabel("Nom").fill(name);
    await page.getByRole("button", { name: "Créer l’utilisateur" }).click();
    await expect(page.locator("#name-error")).toHaveText(message);
    await expect(page.getByLabel("Nom")).toHaveAttribute("aria-invalid", "true");
  }
  expect(await queryD1(`SELECT id FROM users WHERE email = ${sqlText(email)}`)).toEqual([]);
});
