// A label's QR code as the list of its dark modules. Apart from labels.ts so
// that the PDF writer, which the browser loads, gets the runs from the page and
// never carries the QR library itself.
import qrcode from "qrcode-generator";

/** A horizontal run of dark modules: row, first column, length (the quiet zone not counted). */
export type QrRun = [row: number, col: number, length: number];

export interface QrModules {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Modules of white space around the code (the standard's quiet zone). */
  quietZone: number;
  /** Each row's runs of dark modules, top to bottom, left to right. */
  runs: QrRun[];
}

export interface QrDrawing extends QrModules {
  /** The runs as one SVG path of rectangles, in module units, the quiet zone included. */
  path: string;
}

const QUIET_ZONE = 4;

/**
 * The QR code of a text (error correction Q: a quarter of the code may be dirty
 * or torn, as labels on a factory floor get). Drawn from the module matrix
 * rather than the library's own markup, so the page renders it as React
 * elements, never as injected HTML, and the PDF draws the same runs.
 */
export function qrDrawing(text: string): QrDrawing {
  const code = qrcode(0, "Q");
  code.addData(text, "Byte");
  code.make();
  const size = code.getModuleCount();
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!code.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && code.isDark(row, col)) col++;
      runs.push([row, start, col - start]);
    }
  }
  const path = runs.map(([row, col, length]) => `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${length}v1h-${length}z`).join("");
  return { size, quietZone: QUIET_ZONE, runs, path };
}
