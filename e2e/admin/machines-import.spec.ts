import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";

test.use({ storageState: storageState("admin") });

/** The machines whose serial number starts with the test's own prefix. */
const count = async (prefix: string) =>
  ((await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM machines WHERE serial_number LIKE ${sqlText(`${prefix}%`)}`))[0] as { n: number }).n;

function csvFile(name: string, text: string) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${text}`, "utf8") };
}

test("a file with bad lines is reported line by line, cannot be confirmed, and writes nothing", async ({ page }) => {
  const prefix = `NEW-${Date.now()}-`;
  // A machine of its own holds a serial number the file repeats: the import must not take it twice.
  const taken = `TAKEN-${prefix}`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  await queryD1(
    `INSERT INTO machines (machine_type, model, serial_number, status, created_at, updated_at) VALUES ('Tour', 'E2E', ${sqlText(taken)}, 'operational', ${sqlText(now)}, ${sqlText(now)})`,
  );
  await page.goto("/admin/data");
  await page.getByLabel("Fichier CSV").setInputFiles(
    csvFile("machines.csv", `Type;Modèle;Numéro de série;Emplacement;Statut\r\nPresse;X;${prefix}1;A;En service\r\n;Y;${prefix}2;B;\r\nTour;Z;${taken};C;\r\n`),
  );
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  const problems = page.getByTestId("import-problems").getByRole("listitem");
  await expect(problems).toHaveText([
    "Ligne 3 — Type est obligatoire.",
    `Ligne 4 — Numéro de série ${taken} déjà utilisé par une machine existante.`,
  ]);
  await expect(page.getByRole("button", { name: /^Importer/ })).toHaveCount(0);
  expect(await count(prefix)).toBe(0);
});

test("a valid file is checked, confirmed, imported, and the machines appear in the export", async ({ page }) => {
  const suffix = Date.now();
  const prefix = `IMP-${suffix}-`;
  await page.goto("/admin/data");
  await page.getByLabel("Fichier CSV").setInputFiles(
    csvFile("machines.csv", `Type,Modèle,Numéro de série,Emplacement,Statut\nScie à ruban,Kasto,IMP-${suffix}-1,Atelier C,En service\nPerceuse <b>colonne</b>,,IMP-${suffix}-2,,Hors service\n`),
  );
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByTestId("import-report").getByRole("status")).toHaveText("Le fichier est valide : 2 machines prêtes à importer.");
  // Markup in a cell is shown as text.
  await expect(page.getByTestId("import-report")).toContainText("Perceuse <b>colonne</b>");
  expect(await count(prefix)).toBe(0);

  await page.getByRole("button", { name: "Importer 2 machines" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("status").first()).toHaveText("2 machines importées.");
  expect(await count(prefix)).toBe(2);

  const csv = (await (await page.request.get("/machines/export")).body()).toString("utf8");
  expect(csv).toContain(`Scie à ruban;Kasto;IMP-${suffix}-1;Atelier C;En service`);
  expect(csv).toContain(`IMP-${suffix}-2;;Hors service`);
});
