import Link from "next/link";
import { PriorityBadge } from "@/components/dashboard/priority-badge";
import { DownBadge } from "@/components/machines/down-badge";
import { formatDateTime } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import { machineLabel } from "@/lib/machines/model";
import type { TicketDetails } from "@/lib/tickets/queries";
import { assigneeLabel } from "@/lib/tickets/model";
import { describeSchedule } from "@/lib/tickets/schedule";
import { ScheduleState } from "./schedule-state";

interface TicketFactsProps {
  details: TicketDetails;
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

export function TicketFacts({ details, now, locale, timeZone, t }: TicketFactsProps) {
  const { ticket, names } = details;
  const p = t.tickets.page;
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date, locale, timeZone)}</time>;
  const rows: [string, React.ReactNode][] = [
    [p.status, <span key="s" data-testid="ticket-status">{t.status[ticket.status as keyof Messages["status"]] ?? ticket.status}</span>],
    [p.priority, <PriorityBadge key="p" priority={ticket.priority} t={t} />],
    [
      p.machine,
      <span key="m">
        <Link href={`/machines/${ticket.machine.id}`} className="underline">{machineLabel(ticket.machine)}</Link>
        {ticket.machine.status === "out_of_service" && <span className="ml-2 rounded bg-slate-800 px-2 py-0.5 text-xs text-white">{t.machines.status.out_of_service}</span>}
        {ticket.machine.downSince && <span className="ml-2"><DownBadge downSince={ticket.machine.downSince} locale={locale} timeZone={timeZone} t={t} /></span>}
      </span>,
    ],
    [p.location, ticket.machine.location ?? "—"],
    [p.assignee, <span key="a" data-testid="ticket-assignee">{assigneeLabel(ticket.assignedTo, (id) => names.get(id), t)}</span>],
    [
      p.scheduled,
      ticket.scheduledDate ? (
        <div key="sd" data-testid="ticket-scheduled">
          {when(ticket.scheduledDate)}
          <ScheduleState view={describeSchedule(ticket, { now, locale, timeZone, t })} />
        </div>
      ) : (
        p.notScheduled
      ),
    ],
    [p.reporter, ticket.reporter.name],
    [p.createdAt, when(ticket.createdAt)],
    ...(ticket.completedAt ? [[p.completedAt, when(ticket.completedAt)] as [string, React.ReactNode]] : []),
  ];
  return (
    <section aria-labelledby="details-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="details-title" className="sr-only">{p.details}</h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex flex-wrap gap-x-2">
            <dt className="text-sm text-slate-500">{label}</dt>
            <dd className="text-sm font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-4 text-sm text-slate-500">{p.description}</h3>
      <p className="mt-1 whitespace-pre-wrap break-words">{ticket.description || p.noDescription}</p>
    </section>
  );
}
