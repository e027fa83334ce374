import { ColumnSwatch } from "@/components/tickets/column-swatch";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { columnName, type BoardColumn } from "@/lib/tickets/columns";

interface StatusSummaryProps {
  /** The plant's columns in the board's order, each with its tickets. */
  counts: { column: BoardColumn; count: number }[];
  t: Messages;
  locale: Locale;
}

export function StatusSummary({ counts, t, locale }: StatusSummaryProps) {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <section aria-labelledby="by-status">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id="by-status" className="text-lg font-semibold">
          {t.dashboard.byStatus}
        </h2>
        <p className="text-sm text-slate-600">{format(t.dashboard.total, { count: total }, locale)}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {counts.map(({ column, count }) => (
          <div key={column.key} className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`count-${column.key}`}>
            <dt className="flex items-center gap-1.5 text-sm break-words text-slate-600">
              <ColumnSwatch color={column.color} className="h-2.5 w-2.5" />
              {columnName(column, locale, t)}
            </dt>
            <dd className="text-2xl font-semibold tabular-nums">{count}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
