// Machine QR labels: the short URL each label carries and the label sheets (A4)
// an admin prints (the QR code itself is drawn in qr-code.ts). Pure: the page,
// the PDF writer and the tests use the same functions and measures.

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

/**
 * Inside one label, in millimetres (font sizes in points): the page's label
 * (components/machines/machine-label.tsx) and the PDF (label-pdf.ts) both draw from these.
 */
export function labelMetrics(layout: LabelLayout) {
  const small = layout.labelHeight < 45;
  const padding = small ? 2 : 4;
  return {
    padding,
    /** The QR code is a square as tall as the label inside its padding. */
    qrSide: layout.labelHeight - 2 * padding,
    fontSize: { body: small ? 7 : 9.5, name: small ? 9 : 13, footer: small ? 6 : 8 },
    logo: { height: small ? 3.5 : 6, maxWidth: small ? 12 : 20 },
  };
}

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
