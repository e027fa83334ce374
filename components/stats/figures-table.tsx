import type { Locale, Messages } from "@/lib/i18n";
import type { ReliabilityReport } from "@/lib/reliability/queries";
import { figureCells, figureColumns } from "@/lib/reliability/table";
import { EmptyState } from "@/components/ui/empty-state";

interface FiguresTableProps {
  report: ReliabilityReport;
  locale: Locale;
  t: Messages["stats"];
}

const cell = "px-3 py-2 text-right tabular-nums whitespace-nowrap";

/** Every machine's figures and the plant's, the numbers the charts draw and the CSV holds. */
export function FiguresTable({ report, locale, t }: FiguresTableProps) {
  if (!report.machines.length) return <EmptyState>{t.table.empty}</EmptyState>;
  const rows = [
    { key: "plant", name: t.figures.plant, cells: figureCells(report.plant, locale), plant: true },
    ...report.machines.map((m) => ({ key: String(m.machineId), name: m.label, cells: figureCells(m, locale), plant: false })),
  ];
  return (
    <div tabIndex={0} role="region" aria-label={t.table.scroll} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-700">
      <table className="w-full text-sm" data-testid="figures-table">
        <caption className="sr-only">{t.table.caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">{t.figures.machine}</th>
            {figureColumns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right">{t.figures[c]}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key} className={row.plant ? "bg-amber-50 font-semibold" : undefined}>
              <th scope="row" className="min-w-40 px-3 py-2 text-left font-medium">{row.name}</th>
              {figureColumns.map((c) => (
                <td key={c} className={cell}>{row.cells[c] || t.none}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
