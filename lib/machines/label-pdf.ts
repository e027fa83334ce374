// The label sheets as a PDF, written by hand. The worker has no room for a PDF
// library, and a label needs only what every PDF reader has built in: filled
// rectangles (the QR code), one JPEG (the logo) and the standard Helvetica and
// Courier fonts. The page builds it in the browser from the data it was sent
// (components/machines/download-pdf-button.tsx): the worker never runs it, though
// its bundle holds a copy (3 KiB gzip: Next bundles a client component's imports
// for server rendering too).
import { A4, intoSheets, labelMetrics, type LabelLayout } from "./labels";
import { fitLabelText, fonts, LINE, LOGO_GAP, PT_PER_MM, type FittedText, type LabelFont } from "./label-text";
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

const PAGE = { width: A4.width * PT_PER_MM, height: A4.height * PT_PER_MM };
// An Arial-like baseline sits this far down a line box.
const BASELINE = 0.95;
// Tailwind's slate-700 / slate-600 greys.
const SLATE_700 = "0.2 0.255 0.333 rg";
const SLATE_600 = "0.278 0.333 0.412 rg";

// ------------------------------------------------------------ content

/** A number as the content stream writes it: a few decimals at most, none when whole. */
function num(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}

function pdfString(bytes: string): string {
  return `(${bytes.replace(/[\\()]/g, "\\$&")})`;
}

// ------------------------------------------------------------ one label

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

  // The text column beside it, laid out as the page's flex column (justify-between) lays it out,
  // with the words fitted as the page fits them (label-text.ts).
  const left = x + 2 * pad + qrSide;
  const height = qrSide;
  const serial = label.serialNumber ? `${words.serial} ${label.serialNumber}` : null;
  const logo = company.logo ? logoBox(layout, company.logo) : undefined;
  const fitted = fitLabelText({ company: company.name, name: label.name, location: label.location, serial, footer: `${words.scan} · #${label.id}` }, layout, logo);
  const draw = (text: FittedText, font: LabelFont, color: string, tx: number, top: number) =>
    text.lines.map(
      (bytes, line) => `${color} BT /${font.resource} ${num(text.size)} Tf ${num(tx)} ${num(PAGE.height - top - (line * LINE + BASELINE) * text.size)} Td ${pdfString(bytes)} Tj ET`,
    );
  const tall = (text: FittedText | null) => (text ? text.lines.length * LINE * text.size : 0);

  const topHeight = Math.max(logo ? logo.height : 0, tall(fitted.company));
  if (logo) {
    const logoTop = y + pad + (topHeight - logo.height) / 2;
    ops.push(`q ${num(logo.width)} 0 0 ${num(logo.height)} ${num(left)} ${num(PAGE.height - logoTop - logo.height)} cm /Im1 Do Q`);
  }
  ops.push(...draw(fitted.company, fonts.bold, SLATE_700, logo ? left + logo.width + LOGO_GAP : left, y + pad + (topHeight - tall(fitted.company)) / 2));

  const middle: [FittedText | null, LabelFont][] = [
    [fitted.name, fonts.bold],
    [fitted.location, fonts.regular],
    [fitted.serial, fonts.mono],
  ];
  const middleHeight = middle.reduce((sum, [text]) => sum + tall(text), 0);
  const footerHeight = tall(fitted.footer);
  let top = y + pad + topHeight + Math.max(0, height - topHeight - middleHeight - footerHeight) / 2;
  for (const [text, font] of middle) {
    if (!text) continue;
    ops.push(...draw(text, font, "0 g", left, top));
    top += tall(text);
  }
  ops.push(...draw(fitted.footer, fonts.regular, SLATE_600, left, y + pad + height - footerHeight));
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
