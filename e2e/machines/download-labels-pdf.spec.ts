import { expect, test } from "@playwright/test";
import { decodeDrawnQr, drawnQrCodes, readPdf, shownTexts } from "../../tests/support/label-pdf-reader";
import { storageState } from "../fixtures/accounts";
import { workerOrigin } from "../fixtures/d1";
import { downloadPdf, labelledMachine } from "../fixtures/labels";
import { uniqueTag } from "../fixtures/tickets";

// No service worker: it serves Next's files from its own cache (public/sw.js), where
// page.route() cannot make the PDF writer's script fail as a lost network would.
test.use({ storageState: storageState("admin"), serviceWorkers: "block" });

test("an admin downloads the label sheets as a PDF: the machines' names in it, each QR code readable back to its URL", async ({ page }) => {
  // Fixed names, so where a label's width runs out does not depend on a timestamp's
  // letters; the serial numbers keep each run's machines apart.
  const tag = uniqueTag("pdf");
  const first = await labelledMachine("Presse hydraulique à double effet", `SN-${tag}-1`);
  const second = await labelledMachine("Tour", `SN-${tag}-2`);
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
  // The long name is whole, on two lines of a 2 × 5 label (shown one after the other); the short one fits on one.
  expect(text).toContain("Presse hydraulique à double effet Étiquette");
  expect(text).not.toContain("…");
  expect(text).toContain("Tour Étiquette");
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
