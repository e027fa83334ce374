import { describe, expect, it } from "vitest";
import {
  A4,
  intoSheets,
  labelLayouts,
  labelsPerSheet,
  machineLabelUrl,
  MAX_LABELS,
  parseLabelLayout,
  parseMachineIds,
} from "./labels";

describe("label URLs", () => {
  it("are the origin and /m/<id>, whatever slash the origin ends with", () => {
    expect(machineLabelUrl("https://a.example", 7)).toBe("https://a.example/m/7");
    expect(machineLabelUrl("https://a.example//", 7)).toBe("https://a.example/m/7");
  });
});

describe("label layouts", () => {
  it.each(Object.values(labelLayouts))("$id fits its grid exactly on A4 paper", (layout) => {
    const width = layout.marginLeft * 2 + layout.columns * layout.labelWidth;
    const height = layout.marginTop * 2 + layout.rows * layout.labelHeight;
    expect(width).toBeCloseTo(A4.width, 5);
    expect(height).toBeCloseTo(A4.height, 5);
  });

  it("offers 10 and 24 labels per sheet, 2 × 5 unless told otherwise", () => {
    expect(labelsPerSheet(parseLabelLayout("2x5"))).toBe(10);
    expect(labelsPerSheet(parseLabelLayout("3x8"))).toBe(24);
    expect(parseLabelLayout(undefined).id).toBe("2x5");
    expect(parseLabelLayout("4x4").id).toBe("2x5");
    expect(parseLabelLayout(["3x8", "2x5"]).id).toBe("3x8");
  });

  it("fills sheets in order, the last one partly", () => {
    const labels = Array.from({ length: 25 }, (_, i) => i);
    const sheets = intoSheets(labels, labelLayouts["3x8"]);
    expect(sheets.map((s) => s.length)).toEqual([24, 1]);
    expect(sheets.flat()).toEqual(labels);
    expect(intoSheets(labels.slice(0, 10), labelLayouts["2x5"])).toHaveLength(1);
    expect(intoSheets([], labelLayouts["2x5"])).toEqual([]);
  });
});

describe("the machines a label sheet asks for", () => {
  it("takes repeated or comma-separated ids, once each, and ignores anything else", () => {
    expect(parseMachineIds(["3", "1,3", " 7 "])).toEqual([3, 1, 7]);
    expect(parseMachineIds("0,-2,abc,1e3,12")).toEqual([12]);
    expect(parseMachineIds(undefined)).toEqual([]);
  });

  it("stops at the most one print can hold", () => {
    const many = Array.from({ length: 500 }, (_, i) => String(i + 1));
    expect(parseMachineIds(many)).toHaveLength(MAX_LABELS);
  });
});
