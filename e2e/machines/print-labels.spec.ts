import { expect, test, type Locator } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText, workerOrigin } from "../fixtures/d1";
import { uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("admin") });

const MM = 96 / 25.4; // CSS pixels per millimetre

async function labelledMachine(name: string) {
  const now = new Date().toISOString().replace("Z", "+00:00");
  const [row] = await queryD1<{ id: number }>(
    `INSERT INTO machines (machine_type, model, serial_number, location, status, created_at, updated_at)
     VALUES (${sqlText(name)}, 'Étiquette', ${sqlText(`SN-${name}`)}, 'Atelier B, poste 4', 'operational', ${sqlText(now)}, ${sqlText(now)}) RETURNING id`,
  );
  return row!.id;
}

/** What a phone camera would read: the label's QR code as the browser painted it. */
async function decodeQr(label: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await label.locator("svg").screenshot({ scale: "device" }));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function expectBox(locator: Locator, width: number, height: number) {
  const box = (await locator.boundingBox())!;
  expect(Math.abs(box.width - width * MM), `width ${box.width}`).toBeLessThan(1.5);
  expect(Math.abs(box.height - height * MM), `height ${box.height}`).toBeLessThan(1.5);
}

test("an admin prints the labels of machines chosen in the list: an exact A4 grid, each QR code readable back to its URL", async ({ page }) => {
  const tag = uniqueTag("lbl");
  const first = await labelledMachine(`Presse ${tag}`);
  const second = await labelledMachine(`Tour ${tag}`);

  await page.goto(`/machines?q=${tag}`);
  await page.getByRole("checkbox", { name: `Choisir Presse ${tag} Étiquette` }).check();
  await page.getByRole("checkbox", { name: `Choisir Tour ${tag} Étiquette` }).check();
  await page.getByRole("button", { name: "Imprimer les étiquettes" }).click();
  await expect(page).toHaveURL(new RegExp(`/machines/labels\\?machine=${first}&machine=${second}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Étiquettes QR" })).toBeVisible();
  await expect(page.getByTestId("label-count")).toContainText("2 étiquettes sur 1 feuille");

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
  const sheet = page.getByTestId("label-sheet");
  await expect(sheet).toHaveCount(1);
  await expectBox(sheet, 210, 297);
  const labels = sheet.getByTestId("machine-label");
  await expect(labels).toHaveCount(2);
  for (const label of await labels.all()) await expectBox(label, 105, 57);
  // 2 × 5 from the sheet's top-left corner, 6 mm from the top edge.
  const sheetBox = (await sheet.boundingBox())!;
  const [a, b] = [(await labels.nth(0).boundingBox())!, (await labels.nth(1).boundingBox())!];
  expect(Math.abs(a.y - sheetBox.y - 6 * MM)).toBeLessThan(1.5);
  expect(Math.abs(a.x - sheetBox.x)).toBeLessThan(1.5);
  expect(Math.abs(b.x - a.x - 105 * MM)).toBeLessThan(1.5);
  expect(Math.abs(b.y - a.y)).toBeLessThan(1.5);

  await expect(labels.nth(0)).toContainText(`Presse ${tag} Étiquette`);
  await expect(labels.nth(0)).toContainText("Atelier B, poste 4");
  await expect(labels.nth(0)).toContainText(`SN-Presse ${tag}`);
  const [setting] = await queryD1<{ value: string }>("SELECT value FROM settings WHERE key = 'companyName'");
  await expect(labels.nth(0)).toContainText(setting ? (JSON.parse(setting.value) as string) : "Atelier");
  expect(await decodeQr(labels.nth(0))).toBe(`${workerOrigin()}/m/${first}`);
  expect(await decodeQr(labels.nth(1))).toBe(`${workerOrigin()}/m/${second}`);
  await page.emulateMedia({ media: "screen" });

  // 3 × 8: 70 × 36 mm labels; 25 machines take two sheets.
  await page.getByLabel("Disposition").selectOption("3x8");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/layout=3x8/);
  await expectBox(page.getByTestId("machine-label").first(), 70, 36);
  const many: number[] = [];
  for (let i = 0; i < 25; i++) many.push(await labelledMachine(`Lot ${tag} ${i}`));
  await page.goto(`/machines/labels?layout=3x8&machine=${many.join(",")}`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("label-sheet")).toHaveCount(2);
  await expect(page.getByTestId("label-sheet").nth(0).getByTestId("machine-label")).toHaveCount(24);
  await expect(page.getByTestId("label-sheet").nth(1).getByTestId("machine-label")).toHaveCount(1);
});

/** A machine as the demo names them, with a serial number of its own (serial numbers are unique). */
async function namedMachine(machineType: string, model: string, serial: string, location: string) {
  const now = new Date().toISOString().replace("Z", "+00:00");
  const [row] = await queryD1<{ id: number }>(
    `INSERT INTO machines (machine_type, model, serial_number, location, status, created_at, updated_at)
     VALUES (${sqlText(machineType)}, ${sqlText(model)}, ${sqlText(serial)}, ${sqlText(location)}, 'operational', ${sqlText(now)}, ${sqlText(now)}) RETURNING id`,
  );
  return row!.id;
}

/** Every piece of text a label paints that lies outside the label's padding box: cut off, or hidden by it. */
function textOutsideLabels(): string[] {
  const out: string[] = [];
  for (const label of document.querySelectorAll<HTMLElement>("[data-testid=machine-label]")) {
    const box = label.getBoundingClientRect();
    const style = getComputedStyle(label);
    const inner = {
      left: box.left + parseFloat(style.paddingLeft) - 1,
      right: box.right - parseFloat(style.paddingRight) + 1,
      top: box.top + parseFloat(style.paddingTop) - 1,
      bottom: box.bottom - parseFloat(style.paddingBottom) + 1,
    };
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || node.parentElement?.closest(".sr-only")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.left < inner.left || rect.right > inner.right || rect.top < inner.top || rect.bottom > inner.bottom) {
          out.push(`"${node.textContent.trim()}" at ${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)} outside ${Math.round(inner.left)},${Math.round(inner.top)}–${Math.round(inner.right)},${Math.round(inner.bottom)}`);
          break;
        }
      }
    }
    for (const element of label.querySelectorAll<HTMLElement>("p, div")) {
      if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) out.push(`"${element.textContent?.trim()}" overflows its box`);
    }
  }
  return out;
}

test("a label shows its whole name, serial number and scan line, on both layouts: wrapped, never cut", async ({ page }) => {
  const tag = uniqueTag("fit");
  // The demo's longest names, its serial numbers' shape, and 40-character serial numbers with and without hyphens.
  const machines = [
    { type: "Presse hydraulique", model: "Schuler 250T", serial: `DMG-5080-0932-${tag}`, location: "Atelier A – poste 1" },
    { type: "Four de traitement thermique", model: "Nabertherm N 150", serial: `HX-4000-ABCD-${tag}`.padEnd(40, "7"), location: "Traitement thermique" },
    { type: "Robot de soudure", model: "Fanuc ARC Mate 100iD", serial: `R${tag}`.toUpperCase().padEnd(40, "X"), location: "Ligne d’assemblage 2" },
    { type: "Centre d’usinage", model: "DMG Mori NVX 5080", serial: `C-${tag}`, location: "Atelier A – poste 6" },
  ];
  expect(machines.filter((m) => m.serial.length === 40)).toHaveLength(2);
  const ids = [];
  for (const m of machines) ids.push(await namedMachine(m.type, m.model, m.serial, m.location));

  for (const layout of ["2x5", "3x8"]) {
    await page.goto(`/machines/labels?layout=${layout}&machine=${ids.join(",")}`);
    await page.emulateMedia({ media: "print" });
    const labels = page.getByTestId("machine-label");
    await expect(labels).toHaveCount(machines.length);
    for (const [index, m] of machines.entries()) {
      const label = labels.nth(index);
      await expect(label).toContainText(`${m.type} ${m.model}`);
      await expect(label).toContainText(`N° de série ${m.serial}`);
      await expect(label).toContainText(m.location);
      await expect(label).toContainText("Scannez pour signaler un problème");
    }
    expect(await page.evaluate(textOutsideLabels), layout).toEqual([]);
    await page.emulateMedia({ media: "screen" });
  }
});

test("a label sheet with no machine says how to choose some", async ({ page }) => {
  for (const url of ["/machines/labels", "/machines/labels?machine=abc", "/machines/labels?machine=999999999"]) {
    await page.goto(url);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Aucune machine choisie : cochez une ou plusieurs machines/);
    await expect(page.getByTestId("label-sheet")).toHaveCount(0);
  }
});

test("a machine's page prints its own label; only admins see the label tools", async ({ page, browser }) => {
  const id = await labelledMachine(`Robot ${uniqueTag("one")}`);
  await page.goto(`/machines/${id}`);
  await page.getByRole("link", { name: "Imprimer l’étiquette" }).click();
  await expect(page.getByTestId("machine-label")).toHaveCount(1);

  const supervisor = await browser.newContext({ storageState: storageState("supervisor") });
  const other = await supervisor.newPage();
  const response = await other.goto(`/machines/labels?machine=${id}`);
  expect(response?.status()).toBe(404);
  await other.goto(`/machines/${id}`);
  await expect(other.getByRole("link", { name: "Signaler un problème sur cette machine" })).toBeVisible();
  await expect(other.getByRole("link", { name: "Imprimer l’étiquette" })).toHaveCount(0);
  await supervisor.close();
});
