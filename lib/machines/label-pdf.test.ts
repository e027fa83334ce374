import { describe, expect, it } from "vitest";
import { labelPdf, type LabelPdfOptions, type PdfLabel } from "./label-pdf";
import { fonts, textWidth, toWinAnsi } from "./label-text";
import { decodeDrawnQr, drawnQrCodes, readPdf, shownTexts } from "../../tests/support/label-pdf-reader";
import { A4, labelLayouts, labelMetrics, type LabelLayout } from "./labels";
import { qrDrawing } from "./qr-code";

const PT = 72 / 25.4;

function label(id: number, name = `Presse ${id}`, extra: Partial<PdfLabel> = {}): PdfLabel {
  const url = `https://atelier.example.com/m/${id}`;
  return { id, name, location: "Atelier B, poste 4", serialNumber: `SN-${id}`, url, qr: qrDrawing(url), ...extra };
}

function pdfOf(layout: LabelLayout, labels: PdfLabel[], extra: Partial<LabelPdfOptions> = {}) {
  return labelPdf({ layout, labels, company: { name: "Usine Lévis" }, words: { serial: "N° de série", scan: "Scannez pour signaler un problème" }, title: "Étiquettes QR", ...extra });
}

describe("the label PDF's structure", () => {
  it.each([
    ["2x5", 11, [10, 1]],
    ["3x8", 25, [24, 1]],
  ] as const)("%s with %i labels: one A4 page per sheet, every cross-reference at its object, each QR code where the print puts it", (id, count, perPage) => {
    const layout = labelLayouts[id];
    const pdf = pdfOf(layout, Array.from({ length: count }, (_, i) => label(i + 1)));
    const read = readPdf(pdf); // throws if an xref offset does not point at "N 0 obj"

    expect(read.header).toBe("%PDF-1.4");
    expect(read.pageCount).toBe(perPage.length);
    expect(read.pages).toHaveLength(perPage.length);
    expect(new TextDecoder("utf-16be").decode(Uint8Array.from(/\/Title <FEFF([0-9A-F]+)>/.exec(read.info)![1]!.match(/../g)!, (h) => parseInt(h, 16)))).toBe("Étiquettes QR");
    const fontObjects = [...read.objects.values()].filter((body) => body.includes("/Type /Font"));
    expect(fontObjects.map((body) => /\/BaseFont \/([\w-]+)/.exec(body)?.[1])).toEqual(["Helvetica", "Helvetica-Bold", "Courier"]);
    expect(fontObjects.every((body) => body.includes("/Encoding /WinAnsiEncoding"))).toBe(true);

    const { padding, qrSide } = labelMetrics(layout);
    read.pages.forEach((page, index) => {
      expect(page.dictionary).toContain(`/MediaBox [0 0 ${Number((A4.width * PT).toFixed(2))} ${Number((A4.height * PT).toFixed(2))}]`);
      const codes = drawnQrCodes(page.content);
      expect(codes).toHaveLength(perPage[index]!);
      codes.forEach((code, position) => {
        const column = position % layout.columns;
        const row = Math.floor(position / layout.columns);
        expect(code.x).toBeCloseTo((layout.marginLeft + column * layout.labelWidth + padding) * PT, 1);
        expect(code.top).toBeCloseTo((A4.height - layout.marginTop - row * layout.labelHeight - padding) * PT, 1);
        expect(code.side).toBeCloseTo(qrSide * PT, 1);
      });
    });
  });

  it("carries the logo once, as a JPEG image drawn on every label", () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    const read = readPdf(pdfOf(labelLayouts["2x5"], [label(1), label(2)], { company: { name: "Usine", logo: { jpeg, width: 300, height: 100 } } }));
    const images = [...read.objects.entries()].filter(([, body]) => body.includes("/Subtype /Image"));
    expect(images).toHaveLength(1);
    const [number, body] = images[0]!;
    expect(body).toContain("/Width 300 /Height 100 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode");
    expect(Uint8Array.from(read.streamOf(number), (c) => c.charCodeAt(0))).toEqual(jpeg);
    expect(read.pages[0]!.dictionary).toContain(`/XObject << /Im1 ${number} 0 R >>`);
    // 6 mm high unless that would make it wider than 20 mm: 300 × 100 px prints 18 × 6 mm.
    expect(read.pages[0]!.content.match(/q 51.02 0 0 17.01 [\d.]+ [\d.]+ cm \/Im1 Do Q/g)).toHaveLength(2);
  });
});

describe("the label PDF's QR codes", () => {
  it("decode back to exactly each label's URL", () => {
    const labels = Array.from({ length: 11 }, (_, i) => label(i * 997 + 1));
    const read = readPdf(pdfOf(labelLayouts["2x5"], labels));
    const decoded = read.pages.flatMap((page) => drawnQrCodes(page.content).map((code) => decodeDrawnQr(code)));
    expect(decoded).toEqual(labels.map((l) => l.url));
  });

  it("keep the quiet zone white: no dark module within 4 modules of the edge", () => {
    const [code] = drawnQrCodes(readPdf(pdfOf(labelLayouts["3x8"], [label(7)])).pages[0]!.content);
    const { size } = qrDrawing(label(7).url);
    expect(code!.modules).toBe(size + 8);
    for (const [x, y, width] of code!.rects) {
      expect(x).toBeGreaterThanOrEqual(4);
      expect(y).toBeGreaterThanOrEqual(4);
      expect(x! + width!).toBeLessThanOrEqual(size + 4);
      expect(y).toBeLessThan(size + 4);
    }
  });
});

describe("the label PDF's text", () => {
  it("maps Unicode to WinAnsi bytes, and anything WinAnsi lacks to ?", () => {
    expect(toWinAnsi("é è à ç ô")).toBe("\xE9 \xE8 \xE0 \xE7 \xF4");
    expect(toWinAnsi("Œuvre « œil » l’atelier … 5 €")).toBe("\x8Cuvre \xAB \x9Cil \xBB l\x92atelier \x85 5 \x80");
    expect(toWinAnsi("e\u0301tage\u202Fnº\tΩ 机")).toBe("\xE9tage n\xBA ? ?");
  });

  it("prints French accents as written (read back with the platform's windows-1252 decoder)", () => {
    const name = "Scie « Œuvre » ô";
    const read = readPdf(pdfOf(labelLayouts["2x5"], [label(3, name, { location: "Entrepôt façade, près du quai" })]));
    const texts = shownTexts(read.pages[0]!.content).map((t) => t.text);
    // What is wider than the column (the location, the footer at 8 pt) goes on two lines, as on the page, never cut.
    expect(texts).toEqual(["Usine Lévis", "Scie « Œuvre » ô", "Entrepôt façade, près du", "quai", "N° de série SN-3", "Scannez pour signaler un", "problème · #3"]);
  });

  it("measures text with Helvetica's own widths", () => {
    // P 667, r 389, e 556, s 556 ×2, e 556 (Helvetica-Bold AFM).
    expect(textWidth("Presse", fonts.bold, 10)).toBeCloseTo(32.8, 5);
    expect(textWidth(toWinAnsi("é…"), fonts.regular, 10)).toBeCloseTo(15.56, 5);
    expect(textWidth("SN-12", fonts.mono, 10)).toBeCloseTo(30, 5);
  });

  it.each(["2x5", "3x8"] as const)("%s: writes a long name and location whole, on two lines, smaller if they must be, every line within the label's text column", (id) => {
    const layout = labelLayouts[id];
    const long = "Four de traitement thermique Nabertherm N 150";
    const location = "Bâtiment principal, deuxième étage, zone quatre";
    const read = readPdf(pdfOf(layout, [label(9, long, { location, serialNumber: "HX-4000-ABCD-2026-0001-ZZZZ-987654321012" })]));
    const { padding, qrSide, fontSize } = labelMetrics(layout);
    const column = (layout.labelWidth - 3 * padding - qrSide) * PT;
    const texts = shownTexts(read.pages[0]!.content);
    const nameLines = texts.filter((t) => t.font === "F2" && t.text !== "Usine Lévis");
    expect(nameLines.map((t) => t.text).join(" ")).toBe(long);
    expect(nameLines.length).toBeLessThanOrEqual(2);
    expect(nameLines[0]!.size).toBeLessThanOrEqual(fontSize.name);
    expect(texts.filter((t) => t.font === "F1" && !t.text.startsWith("Scannez") && !t.text.startsWith("probl")).map((t) => t.text).join(" ")).toBe(location);
    const serial = texts.filter((t) => t.font === "F3").map((t) => t.text);
    expect(serial.join("").replaceAll(" ", "")).toBe("N°desérieHX-4000-ABCD-2026-0001-ZZZZ-987654321012");
    expect(texts.some((t) => t.text.includes("…"))).toBe(false);
    for (const text of texts) {
      const f = Object.values(fonts).find((candidate) => candidate.resource === text.font)!;
      expect(textWidth(text.bytes, f, text.size)).toBeLessThanOrEqual(column + 0.01);
    }
  });
});
