import jsQR from "jsqr";
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
  qrDrawing,
  type QrDrawing,
} from "./labels";

const SCALE = 6;

/** Paints the SVG path's rectangles ("M x y h w v 1 h -w z") as pixels, the way a renderer would. */
function rasterize({ size, quietZone, path }: QrDrawing) {
  const side = (size + 2 * quietZone) * SCALE;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  const rects = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(rects.map((r) => r[0]).join("")).toBe(path); // nothing in the path that this reading skipped
  for (const [, x, y, w] of rects) {
    for (let py = Number(y) * SCALE; py < (Number(y) + 1) * SCALE; py++) {
      for (let px = Number(x) * SCALE; px < (Number(x) + Number(w)) * SCALE; px++) {
        const i = (py * side + px) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return { pixels, side };
}

describe("a machine's QR code", () => {
  it.each([
    "https://atelier.example.com/m/1",
    "http://localhost:8794/m/4021",
    "https://maintenance.usine-levis.qc.ca/m/999999",
  ])("decodes back to exactly %s", (url) => {
    const { pixels, side } = rasterize(qrDrawing(url));
    const decoded = jsQR(pixels, side, side);
    expect(decoded?.data).toBe(url);
  });

  it("keeps the standard's quiet zone and stays small for a short URL", () => {
    const drawing = qrDrawing(machineLabelUrl("https://atelier.example.com/", 12));
    expect(drawing.quietZone).toBe(4);
    // Version 3 (29 modules) at error correction Q: readable at 3 cm from a phone.
    expect(drawing.size).toBeLessThanOrEqual(33);
  });
});

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
