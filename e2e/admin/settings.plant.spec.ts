import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { expectSaidOnceOn } from "../fixtures/forms";

test.use({ storageState: storageState("admin") });

// A 1×1 PNG.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function setting(key: string): Promise<unknown> {
  const [row] = await queryD1<{ value: string }>(`SELECT value FROM settings WHERE key = '${key}'`);
  return row ? JSON.parse(row.value) : undefined;
}

test("a bad time zone is refused with a message and every old value is kept; a good save shows in the header and the audit log", async ({ page }) => {
  const original = await setting("companyName");
  await page.goto("/admin/settings");
  // The general card's button: the retention card has its own "Enregistrer".
  const save = page.getByRole("region", { name: "Général" }).getByRole("button", { name: "Enregistrer" });
  const name = page.getByLabel("Nom de l’entreprise");
  await name.fill("Usine de test");
  await page.getByLabel("Fuseau horaire de l’usine").fill("Mars/Olympus");
  await save.click();
  await expect(page.locator("#timeZone-error")).toHaveText("Fuseau horaire inconnu. Utilisez un nom IANA comme America/Toronto.");
  expect(await setting("companyName")).toBe(original);
  await expect(page.getByRole("banner")).not.toContainText("Usine de test");

  await page.getByLabel("Fuseau horaire de l’usine").fill("America/Toronto");
  await save.click();
  await expect(page.getByRole("status")).toHaveText("Paramètres enregistrés.");
  await expect(page.getByRole("banner")).toContainText("Usine de test");
  expect(await setting("companyName")).toBe("Usine de test");

  await page.goto("/admin/audit?action=setting.changed");
  await expect(page.getByTestId("audit-list").getByRole("listitem").first()).toContainText("Paramètre modifié");
  await expect(page.getByTestId("audit-list").getByRole("listitem").first()).toContainText("Usine de test");

  // Put the name back for the other specs.
  await page.goto("/admin/settings");
  await page.getByLabel("Nom de l’entreprise").fill(String(original ?? "Atelier"));
  await save.click();
  await expect(page.getByRole("status")).toHaveText("Paramètres enregistrés.");
});

test("an empty company name is refused once, on its field, in a sentence that names it", async ({ page }) => {
  const original = await setting("companyName");
  await page.goto("/admin/settings");
  const name = page.getByLabel("Nom de l’entreprise");
  await name.fill("");
  await page.getByRole("region", { name: "Général" }).getByRole("button", { name: "Enregistrer" }).click();
  await expectSaidOnceOn(page, name, "Le nom de l’entreprise doit contenir entre 1 et 80 caractères.");
  await expect(name).toBeFocused();
  expect(await setting("companyName")).toBe(original);
});

test("a logo is checked by content, shown in the header from behind the session, and can be removed", async ({ page }) => {
  await page.goto("/admin/settings");
  await page.getByLabel("Fichier image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
  await page.getByRole("button", { name: "Téléverser" }).click();
  await expect(page.locator("#logo-error")).toHaveText("Ce fichier n’est pas une image PNG, JPEG ou WebP.");
  // No logo yet: never set (undefined), or removed by an earlier spec (null).
  expect(await setting("logoKey")).toBeFalsy();

  await page.getByLabel("Fichier image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Téléverser" }).click();
  await expect(page.getByRole("status")).toHaveText("Logo mis à jour.");
  const logo = page.getByRole("banner").locator("img");
  await expect(logo).toHaveAttribute("src", /^\/logo\?v=branding%2Flogo-/);
  const response = await page.request.get((await logo.getAttribute("src"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(Buffer.compare(await response.body(), png)).toBe(0);

  await page.getByRole("button", { name: "Retirer le logo" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Logo retiré.");
  await expect(page.getByRole("banner").locator("img")).toHaveCount(0);
  expect(await setting("logoKey")).toBeNull();
});
