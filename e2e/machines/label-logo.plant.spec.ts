import { expect, test } from "@playwright/test";
import { PNG } from "pngjs";
import { readPdf } from "../../tests/support/label-pdf-reader";
import { storageState } from "../fixtures/accounts";
import { downloadPdf, labelledMachine } from "../fixtures/labels";
import { uniqueTag } from "../fixtures/tickets";

// The logo is the plant's: every page's header shows it. Changed in the plant world only.
test.use({ storageState: storageState("admin") });

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
