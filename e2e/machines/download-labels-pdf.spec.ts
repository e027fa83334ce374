import { expect, test } from "@playwright/test";
import { decodeDrawnQr, drawnQrCodes, readPdf, shownTexts } from "../../tests/support/label-pdf-reader";
import { storageState } from "../fixtures/accounts";
import { workerOrigin } from "../fixtures/d1";
import { downloadPdf, labelledMachine } from "../fixtures/labels";
import { uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("admin") });

test("an admin downloads the label sheets as a PDF: the machines' names in it, each QR code readable back to its URL", async ({ page }) => {
  const tag = uniqueTag("pdf");
  const first = await labelledMachine(`Presse ${tag}`);
  const second = await labelledMachine(`Tour ${tag}`);
  await page.goto(`/machines/labels?machine=${first},${second}`);

  const button = page.getByRole("button", { name: "Télécharger le PDF" });
  const { fileName, pdf } = await downloadPdf(page, () => button.click());
  expect(fileName).toBe("etiquettes-machines-2x5.pdf");
  expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");

  const read = readPdf(pdf);
  expect(read.pageCount).toBe(1);
  const text = shownTexts(read.pages[0]!.content)
    .map((shown) => shown.text)
    .join(" ");
  // "Presse <tag> Étiquette" is two lines on a 2 × 5 label, cut with "…" where the
  // width runs out (that depends on the tag's letters); the shorter "Tour" name fits whole.
  const cut = new RegExp(`Presse ${tag}[^…]*…`).exec(text)?.[0];
  expect(cut, text).toBeDefined();
  expect(`Presse ${tag} Étiquette`.startsWith(cut!.slice(0, -1))).toBe(true);
  expect(text).toContain(`Tour ${tag} Étiquette`);
  expect(text).toContain("Entrepôt « B », poste 4");
  const codes = drawnQrCodes(read.pages[0]!.content);
  expect(codes.map((code) => decodeDrawnQr(code))).toEqual([`${workerOrigin()}/m/${first}`, `${workerOrigin()}/m/${second}`]);
  await expect(button).toHaveText("Télécharger le PDF");
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});

test("when the PDF cannot be made, the page says so, Print still works, and trying again makes it", async ({ page }) => {
  const id = await labelledMachine(`Tour ${uniqueTag("fail")}`);
  await page.goto(`/machines/labels?machine=${id}`);
  await expect(page.getByTestId("machine-label")).toHaveCount(1);
  // Everything the page needs is loaded: the next script it asks for is the PDF writer, and it fails (as offline).
  await page.route("**/_next/static/**", (route) => route.abort());
  await page.getByRole("button", { name: "Télécharger le PDF" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Le PDF n’a pas pu être créé. Réessayez, ou imprimez les étiquettes avec « Imprimer ».");
  await expect(page.getByRole("button", { name: "Télécharger le PDF" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Imprimer", exact: true })).toBeVisible();

  // "Réessayez" holds: back online, the same button makes the PDF and the message goes.
  await page.unroute("**/_next/static/**");
  const { pdf } = await downloadPdf(page, () => page.getByRole("button", { name: "Télécharger le PDF" }).click());
  expect(readPdf(pdf).pageCount).toBe(1);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});
