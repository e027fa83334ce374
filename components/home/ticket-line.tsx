import Link from "next/link";
import { PriorityBadge } from "@/components/dashboard/priority-badge";
import { downText } from "@/lib/tickets/downtime";
import type { Locale, Messages } from "@/lib/i18n";
import { ScheduleState } from "@/components/tickets/schedule-state";
import { ColumnSwatch } from "@/components/tickets/column-swatch";
import { columnName } from "@/lib/tickets/columns";
import { assigneeLabel } from "@/lib/tickets/model";
import { describeSchedule } from "@/lib/tickets/schedule";
import type { HomeTicket } from "@/lib/tickets/work";

interface TicketLineProps {
  ticket: HomeTicket;
  /** What this home tells about the ticket, under its title and machine; by default its status, who has it and its schedule. */
  facts?: React.ReactNode;
  /** Who has it, when the home words it its own way ("À moi"). */
  assignee?: string;
  now: Date;
  /** The ticket's next step, when the home offers one. */
  children?: React.ReactNode;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** A ticket in a home's list: priority (words and colour), a stopped machine, the title to open it, the machine. */
export function TicketLine({ ticket, facts, assignee, now, children, locale, timeZone, t }: TicketLineProps) {
  return (
    <li data-work-item={ticket.id} aria-labelledby={`home-ticket-${ticket.id}`} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <div className="flex flex-wrap items-center gap-2">
        <PriorityBadge priority={ticket.priority} t={t} />
        {ticket.machineDownSince && (
          <span className="rounded bg-red-700 px-2 py-0.5 text-xs font-medium text-white">{downText(ticket.machineDownSince, locale, timeZone, t)}</span>
        )}
        <span className="ml-auto font-mono text-xs text-slate-500">{ticket.ticketId}</span>
      </div>
      <h3 id={`home-ticket-${ticket.id}`} className="mt-1.5 font-semibold break-words">
        <Link prefetch={false} href={`/tickets/${ticket.ticketId}`} className="hover:underline">
          {ticket.title}
        </Link>
      </h3>
      <p className="text-sm break-words text-slate-700">{ticket.machine}</p>
      <div className="mt-1 space-y-0.5 text-sm text-slate-700">
        {facts ?? (
          <>
            <p>
              <ColumnSwatch color={ticket.column.color} className="mr-1.5 h-2.5 w-2.5" />
              {columnName(ticket.column, locale, t)} · {assignee ?? assigneeLabel(ticket.assignedTo, () => ticket.assigneeName ?? undefined, t)}
            </p>
            <ScheduleState view={describeSchedule(ticket, { now, locale, timeZone, t })} />
          </>
        )}
      </div>
      {children && <div className="mt-3">{children}</div>}
    </li>
  );
}

/** A home's section: a heading with its count, the list or what an empty one says, and a link to the rest. */
export function HomeSection({ id, title, count, countLabel, help, empty, more, children }: {
  id: string;
  title: string;
  count: number;
  /** The count in words, for screen readers ("3 tickets"). */
  countLabel: string;
  help?: string;
  empty?: string;
  more?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id} className="space-y-2">
      <h2 id={`${id}-title`} className="flex items-center gap-2 text-lg font-semibold">
        {title}
        <span className="rounded-full bg-slate-200 px-2 text-sm font-semibold tabular-nums text-slate-800">
          <span aria-hidden="true">{count}</span>
          <span className="sr-only">{countLabel}</span>
        </span>
      </h2>
      {help && <p className="text-sm text-slate-600">{help}</p>}
      {count === 0 && empty ? <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-600">{empty}</p> : children}
      {more}
    </section>
  );
}

/** While a home's lists are read: the page's heading is already there. */
export function HomeLoading({ label }: { label: string }) {
  return (
    <div role="status" className="space-y-3">
      <span className="sr-only">{label}</span>
      {[0, 1, 2].map((i) => (
        <div key={i} aria-hidden="true" className="h-32 animate-pulse rounded-lg border border-slate-200 bg-white" />
      ))}
    </div>
  );
}
