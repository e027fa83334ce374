// The label sheets as a PDF, written by hand. The worker has no room for a PDF
// library, and a label needs only what every PDF reader has built in: filled
// rectangles (the QR code), one JPEG (the logo) and the standard Helvetica and
// Courier fonts. The page builds it in the browser from the data it was sent
// (components/machines/download-pdf-button.tsx): the worker never runs it, though
// its bundle holds a copy (3 KiB gzip: Next bundles a client component's imports
// for server rendering too).
import { A4, intoSheets, labelMetrics, type LabelLayout } from "./labels";
import type { QrModules } from "./qr-code";

export interface PdfLabel {
  id: number;
  name: string;
  location: string | null;
  serialNumber: string | null;
  url: string;
  qr: QrModules;
}

export interface PdfLogo {
  /** Baseline RGB JPEG, as a canvas writes it (white where the logo was transparent). */
  jpeg: Uint8Array;
  width: number;
  height: number;
}

export interface LabelPdfOptions {
  layout: LabelLayout;
  labels: PdfLabel[];
  company: { name: string; logo?: PdfLogo };
  words: { serial: string; scan: string };
  title: string;
}

const PT_PER_MM = 72 / 25.4;
const PAGE = { width: A4.width * PT_PER_MM, height: A4.height * PT_PER_MM };
// The browser's line boxes are 1.2 × the font size; an Arial-like baseline sits this far down one.
const LINE = 1.2;
const BASELINE = 0.95;
// Tailwind's gap-1 (4 CSS px) between the logo and the company name, and its slate-700 / slate-600 greys.
const LOGO_GAP = 3;
const SLATE_700 = "0.2 0.255 0.333 rg";
const SLATE_600 = "0.278 0.333 0.412 rg";

// ------------------------------------------------------------ text

// WinAnsi's 0x80–0x9F, in order ("\uFFFF" where it defines nothing); the rest of
// its 0x20–0xFF range is Latin-1, so é, à, ç, ô, « and » keep their Unicode value.
const WIN_ANSI_80 = "€\uFFFF‚ƒ„…†‡ˆ‰Š‹Œ\uFFFFŽ\uFFFF\uFFFF‘’“”•–—˜™š›œ\uFFFFžŸ";
const ELLIPSIS = "\x85";

/** Text as WinAnsi bytes (one char per byte): decomposed accents joined first, any space made a plain one, the rest "?". */
export function toWinAnsi(text: string): string {
  let bytes = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (/\s/.test(char)) bytes += " ";
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) bytes += char;
    else if (WIN_ANSI_80.includes(char)) bytes += String.fromCharCode(0x80 + WIN_ANSI_80.indexOf(char));
    else bytes += "?";
  }
  return bytes;
}

// Advance widths (1/1000 em) of WinAnsi 0x20–0xFF, from Adobe's Helvetica AFM files.
// A reader draws the standard fonts with these widths, so cutting text by them is exact.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
  556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
  0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
  278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
  400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
  667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
  556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
  0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
  278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
  400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
  722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
  611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

export const fonts = {
  regular: { resource: "F1", baseFont: "Helvetica", widths: HELVETICA },
  bold: { resource: "F2", baseFont: "Helvetica-Bold", widths: HELVETICA_BOLD },
  // Courier's every glyph is 600 wide: the serial number, as the page's font-mono shows it.
  mono: { resource: "F3", baseFont: "Courier", widths: null },
} as const;
export type PdfFont = (typeof fonts)[keyof typeof fonts];

/** The width in points of WinAnsi bytes set in a font at a size. */
export function textWidth(bytes: string, font: PdfFont, size: number): number {
  let units = 0;
  for (let i = 0; i < bytes.length; i++) units += font.widths ? (font.widths[bytes.charCodeAt(i) - 32] ?? 0) : 600;
  return (units * size) / 1000;
}

/** One line that fits the width: the text itself, or as much of it as fits followed by "…". */
function fitLine(bytes: string, font: PdfFont, size: number, width: number): string {
  if (textWidth(bytes, font, size) <= width) return bytes;
  let end = bytes.length;
  while (end > 0 && textWidth(bytes.slice(0, end).trimEnd() + ELLIPSIS, font, size) > width) end--;
  return bytes.slice(0, end).trimEnd() + ELLIPSIS;
}

/** At most `lines` lines, broken between words (inside a word too long for a line), the last one cut with "…": line-clamp-2 on the page. */
function wrapLines(bytes: string, font: PdfFont, size: number, width: number, lines: number): string[] {
  const out: string[] = [];
  let rest = bytes.trim();
  while (rest && out.length < lines - 1 && textWidth(rest, font, size) > width) {
    let end = 1;
    while (end < rest.length && textWidth(rest.slice(0, end + 1), font, size) <= width) end++;
    const space = rest.lastIndexOf(" ", end);
    if (space > 0) end = space;
    out.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  if (rest) out.push(fitLine(rest, font, size, width));
  return out;
}

/** A number as the content stream writes it: a few decimals at most, none when whole. */
function num(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}

function pdfString(bytes: string): string {
  return `(${bytes.replace(/[\\()]/g, "\\$&")})`;
}

// ------------------------------------------------------------ one label

interface Line {
  bytes: string;
  font: PdfFont;
  size: number;
  color: string;
}

/** A label's drawing operators, its top-left corner at (x, y) points from the page's top-left. */
function drawLabel(label: PdfLabel, x: number, y: number, options: LabelPdfOptions): string[] {
  const { layout, company, words } = options;
  const metrics = labelMetrics(layout);
  const pad = metrics.padding * PT_PER_MM;
  const qrSide = metrics.qrSide * PT_PER_MM;
  const ops: string[] = [];

  // The QR code in module units: one cm, then each dark run a 1-module-high rectangle.
  const { size, quietZone, runs } = label.qr;
  const modules = size + 2 * quietZone;
  const scale = qrSide / modules;
  ops.push(`q ${num(scale, 4)} 0 0 ${num(-scale, 4)} ${num(x + pad)} ${num(PAGE.height - y - pad)} cm`);
  ops.push(`1 g 0 0 ${modules} ${modules} re f 0 g`);
  for (const [row, col, length] of runs) ops.push(`${col + quietZone} ${row + quietZone} ${length} 1 re`);
  ops.push("f Q");

  // The text column beside it, laid out as the page's flex column (justify-between) lays it out.
  const left = x + 2 * pad + qrSide;
  const width = layout.labelWidth * PT_PER_MM - 3 * pad - qrSide;
  const height = qrSide;
  const { body, name: nameSize, footer } = metrics.fontSize;
  const text = (bytes: string, font: PdfFont, size: number, color: string, tx: number, top: number) =>
    `${color} BT /${font.resource} ${num(size)} Tf ${num(tx)} ${num(PAGE.height - top - BASELINE * size)} Td ${pdfString(bytes)} Tj ET`;

  const logo = company.logo ? logoBox(layout, company.logo) : undefined;
  const topHeight = Math.max(logo ? logo.height : 0, LINE * body);
  const nameLeft = logo ? left + logo.width + LOGO_GAP : left;
  if (logo) {
    const logoTop = y + pad + (topHeight - logo.height) / 2;
    ops.push(`q ${num(logo.width)} 0 0 ${num(logo.height)} ${num(left)} ${num(PAGE.height - logoTop - logo.height)} cm /Im1 Do Q`);
  }
  const companyLine = fitLine(toWinAnsi(company.name), fonts.bold, body, left + width - nameLeft);
  ops.push(text(companyLine, fonts.bold, body, SLATE_700, nameLeft, y + pad + (topHeight - LINE * body) / 2));

  const middle: Line[] = wrapLines(toWinAnsi(label.name), fonts.bold, nameSize, width, 2).map((bytes) => ({ bytes, font: fonts.bold, size: nameSize, color: "0 g" }));
  if (label.location) middle.push({ bytes: fitLine(toWinAnsi(label.location), fonts.regular, body, width), font: fonts.regular, size: body, color: "0 g" });
  if (label.serialNumber) {
    middle.push({ bytes: fitLine(toWinAnsi(`${words.serial} ${label.serialNumber}`), fonts.mono, body, width), font: fonts.mono, size: body, color: "0 g" });
  }
  const middleHeight = middle.reduce((sum, line) => sum + LINE * line.size, 0);
  const footerHeight = LINE * footer;
  let top = y + pad + topHeight + Math.max(0, height - topHeight - middleHeight - footerHeight) / 2;
  for (const line of middle) {
    ops.push(text(line.bytes, line.font, line.size, line.color, left, top));
    top += LINE * line.size;
  }
  const footerLine = fitLine(toWinAnsi(`${words.scan} · #${label.id}`), fonts.regular, footer, width);
  ops.push(text(footerLine, fonts.regular, footer, SLATE_600, left, y + pad + height - footerHeight));
  return ops;
}

/** The logo's printed size in points: object-fit: contain in the page's logo box (a fixed height, a maximum width). */
export function logoBox(layout: LabelLayout, image: { width: number; height: number }) {
  const { logo } = labelMetrics(layout);
  const scale = Math.min((logo.height * PT_PER_MM) / image.height, (logo.maxWidth * PT_PER_MM) / image.width);
  return { width: image.width * scale, height: image.height * scale };
}

// ------------------------------------------------------------ the file

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** A PDF text string in UTF-16BE, so the title keeps any character. */
function utf16String(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

function stream(dictionary: string, bytes: Uint8Array): (string | Uint8Array)[] {
  return [`<< ${dictionary}/Length ${bytes.length} >>\nstream\n`, bytes, "\nendstream"];
}

/** The PDF (1.4) of the label sheets: one A4 page per sheet, labels where the print stylesheet puts them. */
export function labelPdf(options: LabelPdfOptions): Uint8Array<ArrayBuffer> {
  const { layout, labels, company } = options;
  const logo = company.logo;
  const sheets = intoSheets(labels, layout);
  // Objects 1–6 (catalog, info, page tree, three fonts), then the logo, then each page and its content.
  const firstPage = logo ? 8 : 7;
  const pageRefs = sheets.map((_, index) => `${firstPage + 2 * index} 0 R`);
  const fontRefs = Object.values(fonts).map((font, index) => `/${font.resource} ${4 + index} 0 R`);
  const resources = `<< /Font << ${fontRefs.join(" ")} >>${logo ? " /XObject << /Im1 7 0 R >>" : ""} >>`;

  const objects: (string | Uint8Array)[][] = [
    ["<< /Type /Catalog /Pages 3 0 R >>"],
    [`<< /Title ${utf16String(options.title)} /Creator ${utf16String("Atelier")} >>`],
    [`<< /Type /Pages /Kids [${pageRefs.join(" ")}] /Count ${sheets.length} >>`],
    ...Object.values(fonts).map((font) => [`<< /Type /Font /Subtype /Type1 /BaseFont /${font.baseFont} /Encoding /WinAnsiEncoding >>`]),
  ];
  if (logo) {
    objects.push(stream(`/Type /XObject /Subtype /Image /Width ${logo.width} /Height ${logo.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode `, logo.jpeg));
  }
  sheets.forEach((sheet, index) => {
    const ops = sheet.flatMap((label, position) => {
      const column = position % layout.columns;
      const row = Math.floor(position / layout.columns);
      const x = (layout.marginLeft + column * layout.labelWidth) * PT_PER_MM;
      const y = (layout.marginTop + row * layout.labelHeight) * PT_PER_MM;
      return drawLabel(label, x, y, options);
    });
    const content = firstPage + 2 * index + 1;
    objects.push([`<< /Type /Page /Parent 3 0 R /MediaBox [0 0 ${num(PAGE.width)} ${num(PAGE.height)}] /Resources ${resources} /Contents ${content} 0 R >>`]);
    objects.push(stream("", latin1(ops.join("\n"))));
  });

  // Every object's byte offset goes in the cross-reference table: readers seek by it.
  const parts: Uint8Array[] = [];
  let length = 0;
  const write = (part: string | Uint8Array) => {
    const bytes = typeof part === "string" ? latin1(part) : part;
    parts.push(bytes);
    length += bytes.length;
  };
  // The comment's high bytes tell transfer tools the file is binary.
  write("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  const offsets = objects.map((body, index) => {
    const offset = length;
    write(`${index + 1} 0 obj\n`);
    body.forEach(write);
    write("\nendobj\n");
    return offset;
  });
  const xref = length;
  write(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`);
  write(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 2 0 R >>\nstartxref\n${xref}\n%%EOF\n`);

  const pdf = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    pdf.set(part, at);
    at += part.length;
  }
  return pdf;
}
