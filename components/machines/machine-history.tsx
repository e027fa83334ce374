import Link from "next/link";
import { PriorityBadge } from "@/components/dashboard/priority-badge";
import { formatDateTime } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import { statusName, type BoardColumn } from "@/lib/tickets/columns";
import type { getMachine } from "@/lib/machines/queries";

interface MachineHistoryProps {
  tickets: NonNullable<Awaited<ReturnType<typeof getMachine>>>["tickets"];
  /** The plant's columns (lib/tickets/columns.ts), to name each ticket's status. */
  columns: BoardColumn[];
  locale: Locale;
  timeZone: string;
  t: Messages;
}

export function MachineHistory({ tickets, columns, locale, timeZone, t }: MachineHistoryProps) {
  return (
    <section aria-labelledby="machine-history" className="space-y-3">
      <h2 id="machine-history" className="text-lg font-semibold">{t.machines.page.history} ({tickets.length})</h2>
      {tickets.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">{t.machines.page.noTickets}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {tickets.map((ticket) => (
            <li key={ticket.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:gap-4">
              <div className="min-w-0 flex-1">
                <p className="font-mono text-xs text-slate-500">{ticket.ticketId}</p>
                <Link href={`/tickets/${ticket.ticketId}`} className="font-medium break-words hover:underline">{ticket.title}</Link>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <PriorityBadge priority={ticket.priority} t={t} />
                <span>{statusName(columns, ticket.status, locale, t)}</span>
                <time dateTime={ticket.createdAt.toISOString()}>{formatDateTime(ticket.createdAt, locale, timeZone)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
