import { expect, test } from "@playwright/test";
import { decodeDrawnQr, drawnQrCodes, readPdf } from "../../tests/support/label-pdf-reader";
import { storageState } from "../fixtures/accounts";
import { workerOrigin } from "../fixtures/d1";
import { downloadPdf, labelledMachine } from "../fixtures/labels";
import { expectPageFitsWidth } from "../fixtures/layout";
import { uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("admin") });

test("at 360 px, in English, the PDF button fits the screen and works from the keyboard", async ({ page }) => {
  await page.context().addCookies([{ name: "atelier-locale", value: "en", url: workerOrigin() }]);
  const id = await labelledMachine(`Lathe ${uniqueTag("phone")}`);
  await page.goto(`/machines/labels?layout=3x8&machine=${id}`);

  const button = page.getByRole("button", { name: "Download PDF" });
  await expect(button).toBeInViewport();
  await expectPageFitsWidth(page);
  const { fileName, pdf } = await downloadPdf(page, async () => {
    await button.focus();
    await page.keyboard.press("Enter");
  });
  expect(fileName).toBe("machine-labels-3x8.pdf");
  const [code] = drawnQrCodes(readPdf(pdf).pages[0]!.content);
  expect(decodeDrawnQr(code!)).toBe(`${workerOrigin()}/m/${id}`);
});
