import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { qrDrawing, type QrDrawing } from "./qr-code";

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
    const drawing = qrDrawing("https://atelier.example.com/m/12");
    expect(drawing.quietZone).toBe(4);
    // Version 3 (29 modules) at error correction Q: readable at 3 cm from a phone.
    expect(drawing.size).toBeLessThanOrEqual(33);
  });
});

describe("a QR code's runs", () => {
  it("are the SVG path's rectangles, one for one, so the page and the PDF draw the same modules", () => {
    const { runs, quietZone, path } = qrDrawing("https://atelier.example.com/m/42");
    const fromPath = [...path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map(([, x, y, w]) => [Number(y) - quietZone, Number(x) - quietZone, Number(w)]);
    expect(fromPath).toEqual(runs);
    expect(runs.every(([, , length]) => length >= 1)).toBe(true);
  });
});
