import Link from "next/link";
import { Suspense } from "react";
import { downText } from "@/lib/tickets/downtime";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { listMachinesDown } from "@/lib/machines/queries";
import { listFlaggedPlans } from "@/lib/plans/queries";
import { getMessages, getRequestSettings } from "@/lib/request";
import { listOverdue, listUnassigned, type HomeList } from "@/lib/tickets/work";
import { HomeLoading, HomeSection, TicketLine } from "./ticket-line";

/** How many rows each of a lead's lists shows: the first few, the count, and the board for the rest. */
export const DECISIONS_PER_LIST = 5;

/** A supervisor's home: what waits for a decision. */
export async function DecisionsHome() {
  const { t } = await getMessages();
  return (
    <div className="space-y-4">
      <PageHeader title={t.home.title.supervisor} intro={t.home.decisions.intro} />
      <Suspense fallback={<HomeLoading label={t.home.loading} />}>
        <Decisions />
      </Suspense>
    </div>
  );
}

const linkClass = "inline-flex min-h-11 items-center font-medium text-slate-800 underline underline-offset-2 hover:text-slate-950";

/** Four queries, run together: tickets nobody has, overdue tickets, machines down, flagged plans. */
async function Decisions() {
  const db = await getDb();
  const now = new Date();
  const [{ locale, t }, { timeZone }, unassigned, overdue, down, plans] = await Promise.all([
    getMessages(),
    getRequestSettings(),
    listUnassigned(db, DECISIONS_PER_LIST),
    listOverdue(db, now, DECISIONS_PER_LIST),
    listMachinesDown(db, DECISIONS_PER_LIST),
    listFlaggedPlans(db, DECISIONS_PER_LIST),
  ]);
  const d = t.home.decisions;
  const tickets = (list: HomeList, href: string) => ({
    count: list.total,
    countLabel: format(t.home.counts.tickets, { count: list.total }, locale),
    more: <BoardLink href={href} left={list.total - list.items.length} locale={locale} t={t} />,
    children: <ol className="space-y-3">{list.items.map((ticket) => <TicketLine key={ticket.id} ticket={ticket} now={now} locale={locale} timeZone={timeZone} t={t} />)}</ol>,
  });

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <HomeSection id="decide-unassigned" title={d.unassigned.title} empty={d.unassigned.empty} {...tickets(unassigned, "/tickets?assignee=none")} />
      <HomeSection id="decide-overdue" title={d.overdue.title} empty={d.overdue.empty} {...tickets(overdue, "/tickets?overdue=1")} />
      <HomeSection id="decide-down" title={d.down.title} empty={d.down.empty} count={down.total} countLabel={format(t.home.counts.machines, { count: down.total }, locale)}>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {down.items.map((machine) => (
            <li key={machine.id} className="p-3 sm:p-4">
              <p className="font-semibold break-words">
                <Link prefetch={false} href={`/machines/${machine.id}`} className="hover:underline">
                  {machine.label}
                </Link>
              </p>
              {machine.location && <p className="text-sm text-slate-600">{machine.location}</p>}
              <p className="text-sm font-medium text-red-800">{machine.downSince ? downText(machine.downSince, locale, timeZone, t) : d.down.outOfService}</p>
              {machine.ticketCode && (
                <Link prefetch={false} href={`/tickets/${machine.ticketCode}`} className={`${linkClass} text-sm`}>
                  {format(d.down.ticket, { ticket: machine.ticketCode })}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </HomeSection>
      <HomeSection
        id="decide-plans"
        title={d.plans.title}
        help={d.plans.help}
        empty={d.plans.empty}
        count={plans.length}
        countLabel={format(t.home.counts.plans, { count: plans.length }, locale)}
        more={
          <Link prefetch={false} href="/planning" className={linkClass}>
            {d.plans.seePlanning}
          </Link>
        }
      >
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {plans.map((plan) => (
            <li key={plan.id} className="p-3 sm:p-4">
              <p className="font-semibold break-words">
                <Link prefetch={false} href={`/machines/${plan.machineId}`} className="hover:underline">
                  {plan.title}
                </Link>
              </p>
              <p className="text-sm text-slate-700">{plan.machine}</p>
              <p className="text-sm font-medium text-amber-900">{format(d.plans.missed, { count: plan.missedStreak }, locale)}</p>
            </li>
          ))}
        </ul>
      </HomeSection>
    </div>
  );
}

function BoardLink({ href, left, locale, t }: { href: string; left: number; locale: Locale; t: Messages }) {
  return (
    <Link prefetch={false} href={href} className={linkClass}>
      {left > 0 ? format(t.home.moreOnBoard, { count: left }, locale) : t.home.seeBoard}
    </Link>
  );
}
