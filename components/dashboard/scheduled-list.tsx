import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatDateTime, formatDuration } from "@/lib/format";
import { assigneeLabel, isOverdue } from "@/lib/tickets/model";
import type { ScheduledTicket } from "@/lib/tickets/queries";
import { PriorityBadge } from "./priority-badge";

interface ScheduledListProps {
  id: string;
  title: string;
  help?: string;
  empty: string;
  tickets: ScheduledTicket[];
  locale: Locale;
  t: Messages;
  now: Date;
  timeZone: string;
  /** Each column's name (lib/tickets/columns.ts columnNames). */
  statusNames: Record<string, string>;
}

export function ScheduledList({ id, title, help, empty, tickets, locale, t, now, timeZone, statusNames }: ScheduledListProps) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {help && <p className="mb-3 text-sm text-slate-600">{help}</p>}
      {tickets.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid={`${id}-list`}>
          {tickets.map((ticket) => {
            const late = isOverdue(ticket, now);
            const delta = formatDuration(ticket.scheduledDate.getTime() - now.getTime(), t.duration);
            return (
              <li key={ticket.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:gap-4">
                <div className="min-w-0 flex-1">
                  <p className="text-xs font-medium text-slate-500">{ticket.ticketId}</p>
                  <p className="truncate font-medium">
                    <Link prefetch={false} href={`/tickets/${ticket.ticketId}`} className="hover:underline">
                      {ticket.title}
                    </Link>
                  </p>
                  <p className="truncate text-sm text-slate-600">
                    {ticket.machine} · {statusNames[ticket.status] ?? ticket.status} ·{" "}
                    {assigneeLabel(ticket.assignedTo, () => ticket.assigneeName, t)}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2 sm:flex-col sm:items-end">
                  <PriorityBadge priority={ticket.priority} t={t} />
                  <p className={late ? "text-sm font-medium text-red-700" : "text-sm text-slate-700"}>
                    <time dateTime={ticket.scheduledDate.toISOString()}>
                      {formatDateTime(ticket.scheduledDate, locale, timeZone)}
                    </time>{" "}
                    ({format(late ? t.dashboard.lateBy : t.dashboard.dueIn, { duration: delta })})
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
