import Link from "next/link";
import { PriorityBadge } from "@/components/dashboard/priority-badge";
import { DownBadge } from "@/components/machines/down-badge";
import { formatDateTime } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import { machineLabel } from "@/lib/machines/model";
import type { TicketDetails } from "@/lib/tickets/queries";
import { assigneeLabel } from "@/lib/tickets/model";
import { describeSchedule } from "@/lib/tickets/schedule";
import { columnOf, statusName } from "@/lib/tickets/columns";
import { ColumnSwatch } from "./column-swatch";
import { ScheduleState } from "./schedule-state";

interface TicketFactsProps {
  details: TicketDetails;
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/**
 * The facts in two columns, each label over its value, even on a 360 px phone:
 * short values side by side, the machine across. Each fact once: the schedule's
 * date, then only what is relative to now (late by, due in).
 */
export function TicketFacts({ details, now, locale, timeZone, t }: TicketFactsProps) {
  const { ticket, names, columns } = details;
  const column = columnOf(columns, ticket.status);
  const p = t.tickets.page;
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date, locale, timeZone)}</time>;
  const schedule = describeSchedule(ticket, { now, locale, timeZone, t });
  const facts: { label: string; value: React.ReactNode; wide?: boolean }[] = [
    {
      label: p.status,
      value: (
        <span className="inline-flex items-center gap-1.5">
          {column && <ColumnSwatch color={column.color} />}
          <span data-testid="ticket-status">{statusName(columns, ticket.status, locale, t)}</span>
        </span>
      ),
    },
    { label: p.priority, value: <PriorityBadge priority={ticket.priority} t={t} /> },
    {
      label: p.machine,
      wide: true,
      value: (
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link href={`/machines/${ticket.machine.id}`} className="underline">{machineLabel(ticket.machine)}</Link>
          {ticket.machine.location && <span className="font-normal text-slate-700">{ticket.machine.location}</span>}
          {ticket.machine.status === "out_of_service" && <span className="rounded bg-slate-800 px-2 py-0.5 text-xs text-white">{t.machines.status.out_of_service}</span>}
          {ticket.machine.downSince && <DownBadge downSince={ticket.machine.downSince} locale={locale} timeZone={timeZone} t={t} />}
        </span>
      ),
    },
    { label: p.assignee, value: <span data-testid="ticket-assignee">{assigneeLabel(ticket.assignedTo, (id) => names.get(id), t)}</span> },
    {
      label: p.scheduled,
      value: ticket.scheduledDate ? (
        <div data-testid="ticket-scheduled">
          {when(ticket.scheduledDate)}
          {schedule?.relative && <ScheduleState view={schedule} />}
        </div>
      ) : (
        p.notScheduled
      ),
    },
    {
      label: p.reporter,
      wide: true,
      value: (
        <>
          {ticket.reporter.name} <span className="font-normal text-slate-700">· {when(ticket.createdAt)}</span>
        </>
      ),
    },
    ...(ticket.completedAt ? [{ label: p.completedAt, value: when(ticket.completedAt) }] : []),
  ];
  return (
    <section aria-labelledby="details-title" className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="details-title" className="sr-only">{p.details}</h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
        {facts.map((fact) => (
          <div key={fact.label} className={`min-w-0 ${fact.wide ? "col-span-2 sm:col-span-1" : ""}`}>
            <dt className="text-xs text-slate-600">{fact.label}</dt>
            <dd className="text-sm font-medium break-words">{fact.value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-3 text-xs text-slate-600">{p.description}</h3>
      <p className="mt-0.5 whitespace-pre-wrap break-words">{ticket.description || p.noDescription}</p>
    </section>
  );
}
