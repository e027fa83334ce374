// Machine QR labels: the short URL each label carries, the QR code drawn from
// it, and the label sheets (A4) an admin prints. Pure: the page and the tests
// use the same functions.
import qrcode from "qrcode-generator";

/** The short, stable address a label carries: it never changes with the machine's name or place. */
export function machineShortPath(machineId: number): string {
  return `/m/${machineId}`;
}

export function machineLabelUrl(origin: string, machineId: number): string {
  return `${origin.replace(/\/+$/, "")}${machineShortPath(machineId)}`;
}

/** Where a scanned label lands: the report form, its machine chosen, the camera first. */
export function reportFromLabelPath(machineId: number): string {
  return `/tickets/new?machine=${machineId}&from=label`;
}

// ---------------------------------------------------------------- QR code

export interface QrDrawing {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Modules of white space around the code (the standard's quiet zone). */
  quietZone: number;
  /** One SVG path: each row's runs of dark modules as rectangles, in module units. */
  path: string;
}

const QUIET_ZONE = 4;

/**
 * The QR code of a text as an SVG path (error correction Q: a quarter of the
 * code may be dirty or torn, as labels on a factory floor get). Drawn from the
 * module matrix rather than the library's own markup, so the page renders it
 * as React elements, never as injected HTML.
 */
export function qrDrawing(text: string): QrDrawing {
  const code = qrcode(0, "Q");
  code.addData(text, "Byte");
  code.make();
  const size = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!code.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && code.isDark(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size, quietZone: QUIET_ZONE, path: parts.join("") };
}

// ---------------------------------------------------------------- sheets

export const labelLayoutIds = ["2x5", "3x8"] as const;
export type LabelLayoutId = (typeof labelLayoutIds)[number];

export interface LabelLayout {
  id: LabelLayoutId;
  columns: number;
  rows: number;
  /** Label size and the sheet's margins, in millimetres, as on the common A4 label sheets (10 and 24 per sheet). */
  labelWidth: number;
  labelHeight: number;
  marginTop: number;
  marginLeft: number;
}

export const A4 = { width: 210, height: 297 } as const;

export const labelLayouts: Record<LabelLayoutId, LabelLayout> = {
  "2x5": { id: "2x5", columns: 2, rows: 5, labelWidth: 105, labelHeight: 57, marginTop: 6, marginLeft: 0 },
  "3x8": { id: "3x8", columns: 3, rows: 8, labelWidth: 70, labelHeight: 36, marginTop: 4.5, marginLeft: 0 },
};

export function parseLabelLayout(value: unknown): LabelLayout {
  const id = Array.isArray(value) ? value[0] : value;
  return labelLayouts[(labelLayoutIds as readonly string[]).includes(id) ? (id as LabelLayoutId) : "2x5"];
}

export function labelsPerSheet(layout: LabelLayout): number {
  return layout.columns * layout.rows;
}

/** The labels cut into A4 sheets, in order; the last sheet may be partly empty. */
export function intoSheets<T>(labels: T[], layout: LabelLayout): T[][] {
  const perSheet = labelsPerSheet(layout);
  const sheets: T[][] = [];
  for (let i = 0; i < labels.length; i += perSheet) sheets.push(labels.slice(i, i + perSheet));
  return sheets;
}

/** At most this many labels per print: ten sheets of the smaller labels. */
export const MAX_LABELS = 240;

/** The machine ids of a label request (?machine=1&machine=5 or ?machine=1,5): positive, once each, in order. */
export function parseMachineIds(value: string | string[] | undefined): number[] {
  const raw = (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.split(","));
  const ids: number[] = [];
  for (const part of raw) {
    const text = part.trim();
    if (!/^[1-9]\d{0,9}$/.test(text)) continue;
    const id = Number(text);
    if (!ids.includes(id)) ids.push(id);
    if (ids.length === MAX_LABELS) break;
  }
  return ids;
}
