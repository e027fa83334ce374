import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";

test.use({ storageState: storageState("admin") });

const count = async () => ((await queryD1<{ n: number }>("SELECT COUNT(*) AS n FROM machines"))[0] as { n: number }).n;

function csvFile(name: string, text: string) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${text}`, "utf8") };
}

test("a file with bad lines is reported line by line, cannot be confirmed, and writes nothing", async ({ page }) => {
  const before = await count();
  await page.goto("/admin/data");
  await page.getByLabel("Fichier CSV").setInputFiles(
    csvFile("machines.csv", "Type;Modèle;Numéro de série;Emplacement;Statut\r\nPresse;X;NEW-1;A;En service\r\n;Y;NEW-2;B;\r\nTour;Z;SCH-250-1187;C;\r\n"),
  );
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  const problems = page.getByTestId("import-problems").getByRole("listitem");
  await expect(problems).toHaveText([
    "Ligne 3 — Type est obligatoire.",
    "Ligne 4 — Numéro de série SCH-250-1187 déjà utilisé par une machine existante.",
  ]);
  await expect(page.getByRole("button", { name: /^Importer/ })).toHaveCount(0);
  expect(await count()).toBe(before);
});

test("a valid file is checked, confirmed, imported, and the machines appear in the export", async ({ page }) => {
  const suffix = Date.now();
  const before = await count();
  await page.goto("/admin/data");
  await page.getByLabel("Fichier CSV").setInputFiles(
    csvFile("machines.csv", `Type,Modèle,Numéro de série,Emplacement,Statut\nScie à ruban,Kasto,IMP-${suffix}-1,Atelier C,En service\nPerceuse <b>colonne</b>,,IMP-${suffix}-2,,Hors service\n`),
  );
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByTestId("import-report").getByRole("status")).toHaveText("Le fichier est valide : 2 machines prêtes à importer.");
  // Markup in a cell is shown as text.
  await expect(page.getByTestId("import-report")).toContainText("Perceuse <b>colonne</b>");
  expect(await count()).toBe(before);

  await page.getByRole("button", { name: "Importer 2 machines" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("status").first()).toHaveText("2 machines importées.");
  expect(await count()).toBe(before + 2);

  const csv = (await (await page.request.get("/machines/export")).body()).toString("utf8");
  expect(csv).toContain(`Scie à ruban;Kasto;IMP-${suffix}-1;Atelier C;En service`);
  expect(csv).toContain(`IMP-${suffix}-2;;Hors service`);
});
