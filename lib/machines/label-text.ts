// A label's words fitted to the label: each piece (the company, the machine's
// name, its location, its serial number, the scan line) is set at its size when
// it fits, wrapped to two lines when it does not, and made smaller only as a last
// resort, so that a label shows what it exists to show: a serial number cut to
// "DMG-5080…" cannot be matched to its machine. Only text no label could hold
// even at the smallest size is cut, with "…". Measured with Helvetica's and
// Courier's own widths: the PDF (label-pdf.ts) is set in them, and the page sets
// its labels in Helvetica or a font of the same widths (Arial, Liberation Sans),
// so the browser breaks the lines where this module does.
import { labelMetrics, type LabelLayout } from "./labels";

// ------------------------------------------------------------ fonts

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
  // Courier's every glyph is 600 wide: the serial number.
  mono: { resource: "F3", baseFont: "Courier", widths: null },
} as const;
export type LabelFont = (typeof fonts)[keyof typeof fonts];

/** The width in points of WinAnsi bytes set in a font at a size. */
export function textWidth(bytes: string, font: LabelFont, size: number): number {
  let units = 0;
  for (let i = 0; i < bytes.length; i++) units += font.widths ? (font.widths[bytes.charCodeAt(i) - 32] ?? 0) : 600;
  return (units * size) / 1000;
}


export const PT_PER_MM = 72 / 25.4;
/** Line boxes are 1.2 × the font size, on the page (line-height) and in the PDF. */
export const LINE = 1.2;
/** Between the logo and the company's name: Tailwind's gap-1 (4 CSS px). */
export const LOGO_GAP = 3;
/** What the browser's own font may differ by: the text is fitted to a slightly narrower column. */
const WIDTH_MARGIN = 0.97;
/** Sizes go down by this much (points) at a time. */
const STEP = 0.25;
/** The smallest a piece of text is set, in points: a few tenths of its size, never below 5 pt. */
const smallest = (size: number) => Math.max(5, Math.round(size * 0.6 * 4) / 4);

// ------------------------------------------------------------ lines

/**
 * Lines broken between words, as CSS breaks them with overflow-wrap: anywhere: a
 * word wider than the column starts a line and is broken where the column ends.
 */
export function wrapWords(bytes: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of bytes.split(" ").filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (line.length > 1 && measure(line) > width) {
      let end = 1;
      while (end < line.length - 1 && measure(line.slice(0, end + 1)) <= width) end++;
      lines.push(line.slice(0, end));
      line = line.slice(end);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines broken between any two characters, as CSS breaks them with word-break: break-all. */
export function wrapAnywhere(bytes: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const char of bytes.trim()) {
    if (!line && char === " ") continue;
    if (line && measure((line + char).trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = char === " " ? "" : char;
    } else line += char;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface FittedText {
  /** In points. */
  size: number;
  /** WinAnsi bytes, as the PDF draws them and the page's browser breaks them. */
  lines: string[];
  /** Broken between any two characters (a serial number too long for a line): word-break: break-all on the page. */
  anywhere: boolean;
  /** Cut to its lines, the last one ending in "…": only text the label cannot hold even at its smallest size. */
  cut: boolean;
}

interface Piece {
  text: string;
  font: LabelFont;
  /** Its size when it fits (points). */
  size: number;
  width: number;
  /** Only a serial number may be broken inside a word before it is made smaller. */
  anywhere?: boolean;
}

/** The largest size, from the piece's own down to its smallest, at which it takes at most two lines; past that, the lines it takes. */
function fitPiece({ text, font, size, width, anywhere }: Piece, cap: number): FittedText {
  const bytes = toWinAnsi(text);
  const min = smallest(size);
  let at = Math.max(min, Math.min(size, cap));
  for (; ; at = Math.max(min, at - STEP)) {
    const measure = (line: string) => textWidth(line, font, at);
    const words = wrapWords(bytes, width, measure);
    if (words.length <= 2) return { size: at, lines: words, anywhere: false, cut: false };
    const broken = anywhere ? wrapAnywhere(bytes, width, measure) : null;
    if (broken && broken.length <= 2) return { size: at, lines: broken, anywhere: true, cut: false };
    if (at === min) return { size: at, lines: broken && broken.length < words.length ? broken : words, anywhere: !!broken && broken.length < words.length, cut: false };
  }
}

/** The last line kept, ending in "…" within the width. */
function cutLine(bytes: string, font: LabelFont, size: number, width: number): string {
  let end = bytes.length;
  while (end > 0 && textWidth(bytes.slice(0, end).trimEnd() + ELLIPSIS, font, size) > width) end--;
  return bytes.slice(0, end).trimEnd() + ELLIPSIS;
}

// ------------------------------------------------------------ a label

export interface LabelWords {
  company: string;
  name: string;
  location: string | null;
  /** "N° de série DMG-5080-0932", or null without a serial number. */
  serial: string | null;
  /** "Scannez pour signaler un problème · #12". */
  footer: string;
}

export type LabelText = { [K in keyof LabelWords]: LabelWords[K] extends string ? FittedText : FittedText | null };

/**
 * A label's words, fitted into the column beside its QR code: each piece at its
 * size, wrapped to two lines, made smaller only when it still does not fit; then,
 * should the pieces together be taller than the column, all of them a step
 * smaller at a time. `logo` is the logo's printed size in points (the company's
 * name shares its row).
 */
export function fitLabelText(words: LabelWords, layout: LabelLayout, logo?: { width: number; height: number }): LabelText {
  const { padding, qrSide, fontSize } = labelMetrics(layout);
  const column = (layout.labelWidth - 3 * padding - qrSide) * PT_PER_MM * WIDTH_MARGIN;
  const height = qrSide * PT_PER_MM;
  const pieces: { [K in keyof LabelWords]: Piece | null } = {
    company: { text: words.company, font: fonts.bold, size: fontSize.body, width: logo ? column - logo.width - LOGO_GAP : column },
    name: { text: words.name, font: fonts.bold, size: fontSize.name, width: column },
    location: words.location ? { text: words.location, font: fonts.regular, size: fontSize.body, width: column } : null,
    serial: words.serial ? { text: words.serial, font: fonts.mono, size: fontSize.body, width: column, anywhere: true } : null,
    footer: { text: words.footer, font: fonts.regular, size: fontSize.footer, width: column },
  };
  const keys = Object.keys(pieces) as (keyof LabelWords)[];
  const tall = (text: LabelText) =>
    keys.reduce((sum, key) => {
      const fitted = text[key];
      const lines = fitted ? fitted.lines.length * LINE * fitted.size : 0;
      return sum + (key === "company" && logo ? Math.max(logo.height, lines) : lines);
    }, 0);

  let text!: LabelText;
  for (let scale = 1; scale > 0; scale -= 0.05) {
    text = Object.fromEntries(keys.map((key) => [key, pieces[key] && fitPiece(pieces[key], pieces[key].size * scale)])) as LabelText;
    const smallestEverywhere = keys.every((key) => !text[key] || text[key].size === smallest(pieces[key]!.size));
    if (tall(text) <= height || smallestEverywhere) break;
  }
  // Past the smallest sizes: the piece with the most lines gives up its last one, until the column holds them.
  while (tall(text) > height) {
    const key = keys.reduce((most, k) => ((text[k]?.lines.length ?? 0) >= (text[most]?.lines.length ?? 0) ? k : most));
    const fitted = text[key]!;
    if (fitted.lines.length <= 1) break;
    const lines = fitted.lines.slice(0, -1);
    lines[lines.length - 1] = cutLine(lines.at(-1)!, pieces[key]!.font, fitted.size, pieces[key]!.width);
    text[key] = { ...fitted, lines, cut: true } as never;
  }
  return text;
}
