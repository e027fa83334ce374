import Link from "next/link";
import { Suspense } from "react";
import { Icon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PendingItems } from "@/components/offline/pending-items";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { format } from "@/lib/i18n";
import { getMessages, getRequestSettings, type CurrentReader } from "@/lib/request";
import { TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { columnName, isClosedStage } from "@/lib/tickets/columns";
import { listReports, recentReportMachines, type HomeTicket } from "@/lib/tickets/work";
import { HomeLoading, HomeSection, TicketLine } from "./ticket-line";

/** An operator's home: the report button first, then their reports and where each one stands. */
export async function ReportsHome({ user }: { user: CurrentReader }) {
  const { t } = await getMessages();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t.home.title.operator}</h1>
        <p className="text-slate-600">{t.home.reports.intro}</p>
      </div>
      <Link prefetch={false} href="/tickets/new" className="btn-primary min-h-14 w-full gap-2 text-lg sm:w-auto">
        <Icon name="report" className="h-6 w-6" />
        {t.home.reports.report}
      </Link>
      {/* [offline] The reports this phone still holds, and those it sent since. */}
      <PendingItems kind="report" />
      <Suspense fallback={<HomeLoading label={t.home.loading} />}>
        <ReportList userId={user.id} />
      </Suspense>
    </div>
  );
}

async function ReportList({ userId }: { userId: number }) {
  const db = await getDb();
  const [{ locale, t }, { timeZone }, reports, machines] = await Promise.all([getMessages(), getRequestSettings(), listReports(db, userId), recentReportMachines(db, userId)]);
  const r = t.home.reports;
  const now = new Date();
  if (reports.items.length === 0) return <EmptyState>{r.empty}</EmptyState>;

  const who = (ticket: HomeTicket) =>
    ticket.assignedTo === null ? r.who.nobody : ticket.assignedTo === TEAM_ASSIGNEE ? r.who.team : format(r.who.person, { name: ticket.assigneeName ?? `#${ticket.assignedTo}` });
  const line = (ticket: HomeTicket) => (
    <TicketLine
      key={ticket.id}
      ticket={ticket}
      now={now}
      locale={locale}
      timeZone={timeZone}
      t={t}
      facts={
        <>
          <p className="font-semibold text-slate-900" data-testid="report-status">
            {columnName(ticket.column, locale, t)}
          </p>
          {!isClosedStage(ticket.stage) && (
            <>
              <p>{who(ticket)}</p>
              <p>{ticket.scheduledDate ? format(r.planned, { date: formatDateTime(ticket.scheduledDate, locale, timeZone) }) : r.notPlanned}</p>
            </>
          )}
          <p className="text-slate-500">{format(r.reportedOn, { date: formatDateTime(ticket.createdAt, locale, timeZone) })}</p>
        </>
      }
    />
  );
  const groups = [
    { id: "reports-open", title: r.open, items: reports.items.filter((ticket) => !isClosedStage(ticket.stage)) },
    { id: "reports-closed", title: r.closed, items: reports.items.filter((ticket) => isClosedStage(ticket.stage)) },
  ].filter((group) => group.items.length > 0);
  return (
    <div className="space-y-6">
      {/* An operator reports on the same few machines: one tap opens the form with the machine chosen. */}
      {machines.length > 0 && (
        <nav aria-labelledby="recent-machines" className="-mt-2 space-y-1.5">
          <p id="recent-machines" className="text-sm text-slate-600">
            {r.recent}
          </p>
          <ul className="flex flex-wrap gap-2">
            {machines.map((machine) => (
              <li key={machine.id} className="max-w-full">
                <Link prefetch={false}
                  href={`/tickets/new?machine=${machine.id}`}
                  aria-label={format(r.reportOn, { machine: machine.label })}
                  className="inline-flex min-h-11 max-w-full items-center gap-2 rounded-full border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100"
                >
                  <Icon name="report" className="h-5 w-5 shrink-0" />
                  <span className="truncate">{machine.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {groups.map((group) => (
        <HomeSection key={group.id} id={group.id} title={group.title} count={group.items.length} countLabel={format(t.home.counts.tickets, { count: group.items.length }, locale)}>
          <ol className="space-y-3">{group.items.map(line)}</ol>
        </HomeSection>
      ))}
      {reports.total > reports.items.length && (
        <p>
          <Link prefetch={false} href="/tickets?mine=1" className="btn-secondary w-full sm:w-auto">
            {format(t.home.moreOnBoard, { count: reports.total - reports.items.length }, locale)}
          </Link>
        </p>
      )}
    </div>
  );
}
