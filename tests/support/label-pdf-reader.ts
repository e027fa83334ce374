// Reads back a label PDF the way a reader would, so the unit test and
// the e2e spec check the same things (the cross-reference table, the text, and
// each QR code decoded from its rectangles as a phone would decode the print).
import jsQR from "jsqr";

/** The file as a byte string (one char per byte), the way PDF offsets count. */
function bytesText(pdf: Uint8Array): string {
  let text = "";
  for (let i = 0; i < pdf.length; i += 8192) text += String.fromCharCode(...pdf.subarray(i, i + 8192));
  return text;
}

function ref(dictionary: string, key: string): number {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  if (!match) throw new Error(`no /${key} in ${dictionary.slice(0, 80)}`);
  return Number(match[1]);
}

/**
 * Follows the file from its end as a reader does: startxref → xref table → each
 * object at its offset (it throws if one is not there) → catalog → pages → contents.
 */
export function readPdf(pdf: Uint8Array) {
  const text = bytesText(pdf);
  const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const table = /^xref\n0 (\d+)\n0000000000 65535 f \n/.exec(text.slice(xrefAt));
  if (!table) throw new Error(`no xref table at ${xrefAt}`);
  const objects = new Map<number, string>();
  for (let n = 1; n < Number(table[1]); n++) {
    const entry = text.slice(xrefAt + table[0].length + (n - 1) * 20, xrefAt + table[0].length + n * 20);
    if (!/^\d{10} 00000 n \n$/.test(entry)) throw new Error(`bad xref entry ${n}: ${JSON.stringify(entry)}`);
    const offset = Number(entry.slice(0, 10));
    if (!text.startsWith(`${n} 0 obj\n`, offset)) throw new Error(`xref entry ${n} points at ${JSON.stringify(text.slice(offset, offset + 12))}`);
    objects.set(n, text.slice(offset + `${n} 0 obj\n`.length, text.indexOf("\nendobj\n", offset)));
  }
  const trailer = text.slice(text.indexOf("trailer", xrefAt));
  const object = (n: number) => objects.get(n) ?? "";
  const streamOf = (n: number) => {
    const body = object(n);
    const start = body.indexOf("stream\n") + "stream\n".length;
    return body.slice(start, start + Number(/\/Length (\d+)/.exec(body)?.[1]));
  };
  const pageTree = object(ref(object(ref(trailer, "Root")), "Pages"));
  const pages = [...(/\/Kids \[([^\]]*)\]/.exec(pageTree)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((kid) => object(Number(kid[1])));
  return {
    header: text.slice(0, 8),
    info: object(ref(trailer, "Info")),
    objects,
    pageCount: Number(/\/Count (\d+)/.exec(pageTree)?.[1]),
    pages: pages.map((page) => ({ dictionary: page, content: streamOf(ref(page, "Contents")) })),
    streamOf,
  };
}

export interface ShownText {
  font: string;
  size: number;
  x: number;
  y: number;
  /** The string as drawn, decoded from WinAnsi by the platform's own windows-1252 decoder. */
  text: string;
  bytes: string;
}

/** Every `BT /F Tf x y Td (…) Tj ET` of a page, in order. */
export function shownTexts(content: string): ShownText[] {
  const decoder = new TextDecoder("windows-1252");
  return [...content.matchAll(/BT \/(\w+) ([\d.]+) Tf ([\d.-]+) ([\d.-]+) Td \(((?:\\.|[^\\)])*)\) Tj ET/g)].map(([, font, size, x, y, raw]) => {
    const bytes = raw!.replace(/\\(.)/g, "$1");
    return { font: font!, size: Number(size), x: Number(x), y: Number(y), bytes, text: decoder.decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0))) };
  });
}

export interface DrawnQr {
  /** Top-left corner and side, in points from the page's bottom-left (PDF space). */
  x: number;
  top: number;
  side: number;
  modules: number;
  /** Dark rectangles in module units: x, y, width, height. */
  rects: number[][];
}

/** Each QR code of a page: its `q … cm` block, a white square of the whole code, then the dark rectangles. */
export function drawnQrCodes(content: string): DrawnQr[] {
  const blocks = content.matchAll(/q ([\d.]+) 0 0 -[\d.]+ ([\d.]+) ([\d.]+) cm\n1 g 0 0 (\d+) \d+ re f 0 g\n((?:\d+ \d+ \d+ 1 re\n)*)f Q/g);
  return [...blocks].map(([, scale, x, top, modules, rects]) => ({
    x: Number(x),
    top: Number(top),
    side: Number(scale) * Number(modules),
    modules: Number(modules),
    rects: rects!.trim().split("\n").map((line) => line.split(" ").slice(0, 4).map(Number)),
  }));
}

/** Paints a QR code's rectangles as pixels (white paper, black modules) and reads it with jsQR, as a phone would. */
export function decodeDrawnQr({ modules, rects }: DrawnQr, pixelsPerModule = 6): string | undefined {
  const side = modules * pixelsPerModule;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [x, y, width, height] of rects) {
    for (let py = y! * pixelsPerModule; py < (y! + height!) * pixelsPerModule; py++) {
      for (let px = x! * pixelsPerModule; px < (x! + width!) * pixelsPerModule; px++) {
        const i = (py * side + px) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return jsQR(pixels, side, side)?.data;
}
