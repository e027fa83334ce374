import Link from "next/link";
import { Suspense } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages, getRequestSettings, type CurrentReader } from "@/lib/request";
import { MAX_TICKET_TEXT, TEAM_CHOICE } from "@/lib/tickets/model";
import { SORT_PARAM, type TicketSort } from "@/lib/tickets/sort";
import { listWork, nextWorkStep, workScopes, type HomeTicket, type WorkScope } from "@/lib/tickets/work";
import { columnNames, loadColumns } from "@/lib/tickets/columns";
import { workRank, workRanks } from "@/lib/tickets/work-order";
import { PendingItems } from "@/components/offline/pending-items";
import { SortLinks } from "@/components/tickets/sort-links";
import { FinishForm } from "./finish-form";
import { HomeLoading, HomeSection, TicketLine } from "./ticket-line";
import { WorkActions, WorkStepButton } from "./work-actions";

interface WorkView {
  scope: WorkScope;
  /** "default": grouped in the order work is done in; another order: one list (lib/tickets/sort.ts). */
  sort: TicketSort;
}

/** "Mon travail": a technician's home. The heading at once, the list as soon as it is read. */
export async function WorkHome({ user, scope, sort }: { user: CurrentReader } & WorkView) {
  const { t } = await getMessages();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t.home.title.technician} intro={t.home.work.intro} />
      {/* [offline] What this phone still holds (a start, a finish, a report…), sent when the network returns. */}
      <PendingItems showKind />
      <Suspense fallback={<HomeLoading label={t.home.loading} />}>
        <WorkList user={user} scope={scope} sort={sort} />
      </Suspense>
    </div>
  );
}

/** The home with this scope and order; each link keeps the other choice. */
function workHref({ scope, sort }: WorkView): string {
  const params = new URLSearchParams();
  if (scope !== "all") params.set("show", scope);
  if (sort !== "default") params.set(SORT_PARAM, sort);
  return params.size ? `/?${params}` : "/";
}
/** The board with the same tickets, in the same order, for what the list leaves out. */
function boardHref({ scope, sort }: WorkView): string {
  const params = new URLSearchParams({ all: {}, mine: { assignee: "me" }, team: { assignee: TEAM_CHOICE } }[scope]);
  if (sort !== "default") params.set(SORT_PARAM, sort);
  return params.size ? `/tickets?${params}` : "/tickets";
}

async function WorkList({ user, scope, sort }: { user: CurrentReader } & WorkView) {
  const [{ locale, t }, settings] = await Promise.all([getMessages(), getRequestSettings()]);
  const now = new Date();
  const { timeZone } = settings;
  const db = await getDb();
  const [work, columns] = await Promise.all([listWork(db, { userId: user.id, scope, sort, now, timeZone }), loadColumns(db)]);
  const w = t.home.work;
  const counts = { all: work.counts.mine + work.counts.team, ...work.counts };
  const groups = workRanks
    .map((rank) => ({ rank, items: work.items.filter((ticket) => workRank(ticket, now, work.today) === rank) }))
    .filter((group) => group.items.length > 0);

  const line = (ticket: HomeTicket) => {
    const { kind, to } = nextWorkStep(ticket, user.id, columns);
    const step = { id: ticket.id, ticket: ticket.ticketId, step: kind, from: ticket.status, to };
    const label = w.steps[kind];
    const name = format(w.stepFor, { step: label, ticket: `${ticket.ticketId} — ${ticket.title}` });
    return (
      <TicketLine key={ticket.id} ticket={ticket} assignee={ticket.assignedTo === user.id ? w.toMe : undefined} now={now} locale={locale} timeZone={timeZone} t={t}>
        {kind === "finish" ? (
          <FinishForm
            step={step}
            label={label}
            name={name}
            labels={{ note: w.note, comment: w.comment, addPhoto: w.addPhoto, removeFile: t.common.removeFile, maxLength: MAX_TICKET_TEXT }}
          />
        ) : (
          <WorkStepButton step={step} label={label} name={name} />
        )}
      </TicketLine>
    );
  };

  return (
    <>
      <nav aria-label={w.scopes.label} className="-mx-3 flex gap-2 overflow-x-auto px-3 pb-1 sm:mx-0 sm:px-0">
        {workScopes.map((s) => (
          <Link prefetch={false}
            key={s}
            href={workHref({ scope: s, sort })}
            aria-current={s === scope ? "page" : undefined}
            className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-full border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-[current=page]:border-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {w.scopes[s]}
            <span className="tabular-nums" aria-hidden="true">
              {counts[s]}
            </span>
            <span className="sr-only">({format(t.home.counts.tickets, { count: counts[s] }, locale)})</span>
          </Link>
        ))}
      </nav>
      <SortLinks current={sort} hrefFor={(choice) => workHref({ scope, sort: choice })} words={t.tickets.sort} className="-mx-3 px-3 pb-1 sm:mx-0 sm:px-0" />
      <WorkActions
        labels={{
          done: w.done,
          undone: w.undone,
          undo: t.tickets.board.undo,
          refused: w.refused,
          failed: t.errors.errorBody,
          working: w.working,
          statuses: columnNames(columns, locale, t),
        }}
      >
        {groups.length === 0 ? (
          <EmptyState>{w.empty[scope]}</EmptyState>
        ) : sort !== "default" ? (
          // Another order than the work's own: one list, as sorted (each line still says it is late).
          <ol className="space-y-3" aria-label={format(w.sortedBy, { order: t.tickets.sort[sort] })}>
            {work.items.map(line)}
          </ol>
        ) : (
          <div className="space-y-6">
            {groups.map(({ rank, items }) => (
              <HomeSection key={rank} id={`work-${rank}`} title={w.groups[rank]} count={items.length} countLabel={format(t.home.counts.tickets, { count: items.length }, locale)}>
                <ol className="space-y-3">{items.map(line)}</ol>
              </HomeSection>
            ))}
          </div>
        )}
      </WorkActions>
      {work.total > work.items.length && (
        <p>
          <Link prefetch={false} href={boardHref({ scope, sort })} className="btn-secondary w-full sm:w-auto">
            {format(t.home.moreOnBoard, { count: work.total - work.items.length }, locale)}
          </Link>
        </p>
      )}
    </>
  );
}
