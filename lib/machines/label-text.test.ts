import { describe, expect, it } from "vitest";
import { fitLabelText, fonts, LINE, PT_PER_MM, textWidth, toWinAnsi, wrapAnywhere, wrapWords, type FittedText, type LabelWords } from "./label-text";
import { labelLayouts, labelMetrics, type LabelLayout } from "./labels";

const words = (extra: Partial<LabelWords> = {}): LabelWords => ({
  company: "Usine Laurentide",
  name: "Presse hydraulique Schuler 250T",
  location: "Atelier A – poste 1",
  serial: "N° de série DMG-5080-0932",
  footer: "Scannez pour signaler un problème · #12",
  ...extra,
});

const column = (layout: LabelLayout) => {
  const { padding, qrSide } = labelMetrics(layout);
  return { width: (layout.labelWidth - 3 * padding - qrSide) * PT_PER_MM, height: qrSide * PT_PER_MM };
};
const fontOf = { company: fonts.bold, name: fonts.bold, location: fonts.regular, serial: fonts.mono, footer: fonts.regular } as const;
const pieces = (text: ReturnType<typeof fitLabelText>) => Object.entries(text).filter((entry): entry is [keyof LabelWords, FittedText] => entry[1] !== null);
const height = (text: ReturnType<typeof fitLabelText>) => pieces(text).reduce((sum, [, fitted]) => sum + fitted.lines.length * LINE * fitted.size, 0);

describe("a label's words", () => {
  it.each(["2x5", "3x8"] as const)("%s: the demo's longest names and serial numbers are whole, in at most two lines each, inside the column", (id) => {
    const layout = labelLayouts[id];
    for (const name of ["Presse hydraulique Schuler 250T", "Four de traitement thermique Nabertherm N 150", "Robot de soudure Fanuc ARC Mate 100iD"]) {
      const text = fitLabelText(words({ name }), layout);
      for (const [key, fitted] of pieces(text)) {
        expect(fitted.lines.length, key).toBeLessThanOrEqual(2);
        expect(fitted.cut, key).toBe(false);
        for (const line of fitted.lines) expect(textWidth(line, fontOf[key], fitted.size), `${key}: ${line}`).toBeLessThanOrEqual(column(layout).width);
      }
      // Broken between words: the lines are the text.
      expect(text.name.lines.join(" ")).toBe(toWinAnsi(name));
      expect(text.serial!.lines).toEqual(textWidth(toWinAnsi("N° de série DMG-5080-0932"), fonts.mono, text.serial!.size) <= column(layout).width * 0.97 ? [toWinAnsi("N° de série DMG-5080-0932")] : [toWinAnsi("N° de série"), "DMG-5080-0932"]);
      expect(text.footer.lines.join(" ")).toBe(toWinAnsi("Scannez pour signaler un problème · #12"));
      expect(height(text)).toBeLessThanOrEqual(column(layout).height);
    }
  });

  it("keep their own size when they fit, and wrap before they shrink", () => {
    const layout = labelLayouts["2x5"];
    const { fontSize } = labelMetrics(layout);
    const text = fitLabelText(words(), layout);
    expect(text.name).toMatchObject({ size: fontSize.name, lines: [toWinAnsi("Presse hydraulique"), "Schuler 250T"] });
    expect(text.serial).toMatchObject({ size: fontSize.body, lines: [toWinAnsi("N° de série"), "DMG-5080-0932"], anywhere: false });
    expect(text.company).toMatchObject({ size: fontSize.body, lines: ["Usine Laurentide"] });
  });

  it.each(["2x5", "3x8"] as const)("%s: a 40-character serial number is whole, broken inside itself and a little smaller rather than cut", (id) => {
    const layout = labelLayouts[id];
    for (const serial of ["HX-4000-ABCD-2026-0001-ZZZZ-987654321012", "R2026ABCDEFGHIJKLMNOPQRSTUVWXYZ012345678"]) {
      expect(serial).toHaveLength(40);
      const text = fitLabelText(words({ serial: `N° de série ${serial}` }), layout);
      const fitted = text.serial!;
      expect(fitted.lines.length).toBeLessThanOrEqual(2);
      expect(fitted.cut).toBe(false);
      expect(fitted.lines.join("").replaceAll(" ", "")).toBe(toWinAnsi(`N° de série ${serial}`).replaceAll(" ", ""));
      expect(fitted.size).toBeLessThan(labelMetrics(layout).fontSize.body);
      expect(fitted.size).toBeGreaterThanOrEqual(5);
      for (const line of fitted.lines) expect(textWidth(line, fonts.mono, fitted.size)).toBeLessThanOrEqual(column(layout).width);
    }
  });

  it.each([
    ["2x5", false],
    ["3x8", true],
  ] as const)("%s: the longest words the forms accept are cut only where the label cannot hold them at the smallest size (%s), with “…”", (id, cut) => {
    const layout = labelLayouts[id];
    // As long as the forms allow: a type and a model of 80 characters, a location of 120, a serial number of 60, a company name of 80.
    const sentence = (length: number) => "Centre d’usinage horizontal à commande numérique cinq axes avec changeur de palettes automatique ".repeat(3).slice(0, length).trim();
    const text = fitLabelText(
      words({ company: sentence(80), name: `${sentence(80)} ${sentence(80)}`, location: sentence(120), serial: `N° de série ${"X".repeat(60)}` }),
      layout,
    );
    expect(height(text)).toBeLessThanOrEqual(column(layout).height);
    expect(pieces(text).some(([, fitted]) => fitted.cut)).toBe(cut);
    for (const [key, fitted] of pieces(text)) {
      expect(fitted.size).toBeGreaterThanOrEqual(5);
      for (const line of fitted.lines) expect(textWidth(line, fontOf[key], fitted.size), `${key}: ${line}`).toBeLessThanOrEqual(column(layout).width);
      if (fitted.cut) expect(fitted.lines.at(-1)!.endsWith("\x85")).toBe(true);
    }
  });
});

describe("lines", () => {
  const measure = (text: string) => text.length;
  it("break between words, and inside a word only when it is wider than the line", () => {
    expect(wrapWords("ab cd efghijklm no", 5, measure)).toEqual(["ab cd", "efghi", "jklm", "no"]);
    expect(wrapWords("  ab  ", 5, measure)).toEqual(["ab"]);
  });

  it("break anywhere, filling each line, when asked", () => {
    expect(wrapAnywhere("N° de série ABCDEFGH", 8, measure)).toEqual(["N° de sé", "rie ABCD", "EFGH"]);
  });
});
