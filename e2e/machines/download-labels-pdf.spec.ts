import { expect, test } from "@playwright/test";
import { PNG } from "pngjs";
import { decodeDrawnQr, drawnQrCodes, readPdf, shownTexts } from "../../lib/machines/label-pdf.testing";
import { baseURL } from "../../playwright.config";
import { storageState } from "../fixtures/accounts";
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
  // "Presse <tag> Étiquette" is two lines on a 2 × 5 label, cut with "…"; the shorter "Tour" name fits whole.
  expect(text).toContain(`Presse ${tag} Éti`);
  expect(text).toContain(`Tour ${tag} Étiquette`);
  expect(text).toContain("Entrepôt « B », poste 4");
  const codes = drawnQrCodes(read.pages[0]!.content);
  expect(codes.map((code) => decodeDrawnQr(code))).toEqual([`${baseURL}/m/${first}`, `${baseURL}/m/${second}`]);
  await expect(button).toHaveText("Télécharger le PDF");
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});

test("the factory's logo goes into the PDF as a JPEG on every label, transparency made white", async ({ page }) => {
  // 40 × 20, its right half transparent: the canvas must flatten it onto white.
  const logo = new PNG({ width: 40, height: 20 });
  for (let i = 0; i < 40 * 20; i++) logo.data.set(i % 40 < 20 ? [200, 30, 30, 255] : [0, 0, 0, 0], i * 4);
  await page.goto("/admin/settings");
  await page.getByLabel("Fichier image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG.sync.write(logo) });
  await page.getByRole("button", { name: "Téléverser" }).click();
  await expect(page.getByRole("status")).toHaveText("Logo mis à jour.");

  try {
    const ids = [await labelledMachine(`Robot ${uniqueTag("logo")}`), await labelledMachine(`Scie ${uniqueTag("logo")}`)];
    await page.goto(`/machines/labels?layout=3x8&machine=${ids.join(",")}`);
    const { fileName, pdf } = await downloadPdf(page, () => page.getByRole("button", { name: "Télécharger le PDF" }).click());
    expect(fileName).toBe("etiquettes-machines-3x8.pdf");
    const read = readPdf(pdf);
    const images = [...read.objects.entries()].filter(([, body]) => body.includes("/Subtype /Image"));
    expect(images).toHaveLength(1);
    const [number, dictionary] = images[0]!;
    // Never more pixels than the logo has; a 2:1 logo stays 2:1.
    expect(dictionary).toContain("/Width 40 /Height 20 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode");
    const jpeg = read.streamOf(number);
    expect(jpeg.startsWith("\xFF\xD8")).toBe(true);
    expect(jpeg.endsWith("\xFF\xD9")).toBe(true);
    expect(read.pages[0]!.content.match(/\/Im1 Do/g)).toHaveLength(2);
  } finally {
    await page.goto("/admin/settings");
    await page.getByRole("button", { name: "Retirer le logo" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
    await expect(page.getByRole("status").first()).toHaveText("Logo retiré.");
  }
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
