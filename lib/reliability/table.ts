// The figures as the page's tables and the CSV files show them: the same
// columns, the same rounding, the same words, from one place, so a downloaded
// file says exactly what the page said.
import { toCsv, type Separator } from "../csv/csv";
import type { Locale, Messages } from "../i18n";
import { intlLocale } from "../intl";
import type { Figures, TechnicianFigures } from "./figures";
import type { ReliabilityReport } from "./queries";

export const figureColumns = ["downtime", "availability", "failures", "mttr", "mtbf", "opened", "closed", "overdueRate", "plannedShare"] as const;
export type FigureColumn = (typeof figureColumns)[number];

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One decimal for hours and percentages ("12,5" / "12.5"), integers as they are; empty when there is nothing to say. */
export function formatNumber(value: number | null, locale: Locale, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return "";
  const key = `${locale}|${decimals}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    // No grouping: "1234,5" is read back by Excel in either language; "1 234,5" is not.
    formatter = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
    numberFormats.set(key, formatter);
  }
  return formatter.format(value);
}

/** A row's cells in figureColumns' order. */
export function figureCells(f: Figures, locale: Locale): Record<FigureColumn, string> {
  return {
    downtime: formatNumber(f.downtimeHours, locale),
    availability: formatNumber(f.availability, locale),
    failures: formatNumber(f.failures, locale, 0),
    mttr: formatNumber(f.mttrHours, locale),
    mtbf: formatNumber(f.mtbfHours, locale),
    opened: formatNumber(f.opened, locale, 0),
    closed: formatNumber(f.closed, locale, 0),
    overdueRate: formatNumber(f.overdueRate, locale),
    plannedShare: formatNumber(f.plannedShare, locale),
  };
}

export function technicianCells(f: TechnicianFigures, locale: Locale): { closed: string; median: string } {
  return { closed: formatNumber(f.closed, locale, 0), median: formatNumber(f.medianHoursToClose, locale) };
}

/** The plant first, then each machine: the page's table, as CSV. */
export function machinesCsv(report: ReliabilityReport, t: Messages, locale: Locale, separator: Separator): string {
  const s = t.stats.figures;
  const row = (name: string, f: Figures) => [name, ...figureColumns.map((c) => figureCells(f, locale)[c])];
  return toCsv(
    [[s.machine, ...figureColumns.map((c) => s[c])], row(s.plant, report.plant), ...report.machines.map((m) => row(m.label, m))],
    separator,
  );
}

export function techniciansCsv(report: ReliabilityReport, t: Messages, locale: Locale, separator: Separator): string {
  const s = t.stats.technicians;
  return toCsv(
    [[s.name, s.closed, s.median], ...report.technicians.map((p) => [p.name, ...Object.values(technicianCells(p, locale))])],
    separator,
  );
}
