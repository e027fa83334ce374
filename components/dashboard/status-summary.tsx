import { format, type Locale, type Messages } from "@/lib/i18n";
import { ticketStatuses, type TicketStatus } from "@/lib/tickets/model";

interface StatusSummaryProps {
  counts: Record<TicketStatus, number>;
  t: Messages;
  locale: Locale;
}

export function StatusSummary({ counts, t, locale }: StatusSummaryProps) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="by-status">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id="by-status" className="text-lg font-semibold">
          {t.dashboard.byStatus}
        </h2>
        <p className="text-sm text-slate-600">{format(t.dashboard.total, { count: total }, locale)}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {ticketStatuses.map((status) => (
          <div key={status} className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`count-${status}`}>
            <dt className="text-sm text-slate-600">{t.status[status]}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{counts[status]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
