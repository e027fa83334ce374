import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/format";
import type { DeliveryFilter, DeliveryStatus, listDeliveries } from "@/lib/webhooks/queries";
import { DeliveryFilters } from "./delivery-filters";

interface DeliveryLogProps {
  filter: DeliveryFilter;
  result: Awaited<ReturnType<typeof listDeliveries>>;
  t: Messages;
  locale: Locale;
  timeZone: string;
}

function pageHref(filter: DeliveryFilter, page: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, page })) if (value) params.set(key, String(value));
  return `/admin/notifications?${params}#log`;
}

export function DeliveryLog({ filter, result, t, locale, timeZone }: DeliveryLogProps) {
  const l = t.notifications.log;
  const filtered = Boolean(filter.ticket || filter.status || filter.from || filter.to);
  return (
    <section id="log" aria-labelledby="log-title" className="space-y-3">
      <h2 id="log-title" className="text-lg font-semibold">
        {l.title}
      </h2>
      <DeliveryFilters filter={filter} t={l} />
      {result.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">{filtered ? l.empty : l.emptyAll}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="delivery-log">
          {result.rows.map((row) => (
            <li key={row.id}>
              <Link
                href={`/admin/notifications/${row.id}`}
                className="flex flex-col gap-1 p-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4"
              >
                <span className="min-w-0 flex-1">
                  <span className="block text-xs font-medium text-slate-500">{row.ticket.ticketId}</span>
                  <span className="block truncate font-medium">{row.ticket.title}</span>
                  <span className="block text-sm text-slate-600">{formatDateTime(row.createdAt, locale, timeZone)}</span>
                </span>
                <span className="text-sm sm:text-right">
                  <span className="block font-medium">{l.status[row.deliveryStatus as DeliveryStatus] ?? row.deliveryStatus}</span>
                  <span className="block text-slate-600">
                    {format(t.common.labelled, { label: l.columns.attempts, value: row.attempts })} · {row.responseStatus ?? row.lastError ?? t.common.none}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={format(l.page, { page: result.page })} className="flex items-center justify-between">
        {result.page > 1 ? (
          <Link className="btn-ghost" href={pageHref(filter, result.page - 1)}>
            {l.previous}
          </Link>
        ) : (
          <span />
        )}
        <span className="text-sm text-slate-600">{format(l.page, { page: result.page })}</span>
        {result.hasNext ? (
          <Link className="btn-ghost" href={pageHref(filter, result.page + 1)}>
            {l.next}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </section>
  );
}
