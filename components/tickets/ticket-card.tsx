import Link from "next/link";
import { PriorityBadge } from "@/components/dashboard/priority-badge";
import type { BoardCard } from "@/lib/board";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { TEAM_ASSIGNEE } from "@/lib/tickets";
import { MoveMenu } from "./move-menu";
import { ScheduleState } from "./schedule-state";

interface TicketCardProps {
  card: BoardCard;
  machine: { label: string; status: string } | undefined;
  assignee: string | undefined;
  canMove: boolean;
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

export function TicketCard({ card, machine, assignee, canMove, now, locale, timeZone, t }: TicketCardProps) {
  const words = t.tickets.card;
  const who = card.assignedTo === null ? words.unassigned : card.assignedTo === TEAM_ASSIGNEE ? words.wholeTeam : (assignee ?? `#${card.assignedTo}`);
  return (
    <article className="rounded-md border border-slate-200 bg-white p-3 pr-8 shadow-sm" aria-labelledby={`card-${card.id}`} data-testid="ticket-card">
      <p className="font-mono text-xs text-slate-500">{card.ticketId}</p>
      <h3 id={`card-${card.id}`} className="mt-0.5 font-medium break-words">
        <Link href={`/tickets/${card.ticketId}`} className="hover:underline">
          {card.title}
        </Link>
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <PriorityBadge priority={card.priority} t={t} />
        {machine?.status === "out_of_service" && (
          <span className="rounded bg-slate-800 px-2 py-0.5 text-xs font-medium text-white">{words.outOfService}</span>
        )}
      </div>
      <dl className="mt-2 space-y-0.5 text-sm text-slate-700">
        <div>
          <dt className="sr-only">{words.machine}</dt>
          <dd className="truncate">{machine?.label}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="shrink-0 text-slate-500">
            <span aria-hidden>→</span>
            <span className="sr-only">{words.assignee}</span>
          </dt>
          <dd className="truncate" data-testid="card-assignee">{who}</dd>
        </div>
      </dl>
      <ScheduleState
        scheduledDate={card.scheduledDate ? new Date(card.scheduledDate) : null}
        status={card.status}
        now={now}
        locale={locale}
        timeZone={timeZone}
        t={t}
      />
      <div className="mt-2 flex items-center justify-between gap-2">
        <p className="flex items-center gap-3 text-xs text-slate-600">
          <span className="inline-flex items-center gap-1" title={format(words.comments, { count: card.comments })}>
            <Icon path="M4 5h16v11H8l-4 4z" />
            {card.comments}
            <span className="sr-only">{format(words.comments, { count: card.comments })}</span>
          </span>
          <span className="inline-flex items-center gap-1" title={format(words.media, { count: card.media })}>
            <Icon path="M4 7h4l2-2h4l2 2h4v12H4zM12 10a3 3 0 1 0 0 6 3 3 0 0 0 0-6z" />
            {card.media}
            <span className="sr-only">{format(words.media, { count: card.media })}</span>
          </span>
        </p>
        {canMove && <MoveMenu id={card.id} label={t.tickets.board.moveTo} ariaLabel={format(t.tickets.board.moveToLabel, { ticket: card.ticketId })} />}
      </div>
    </article>
  );
}

function Icon({ path }: { path: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round">
      <path d={path} />
    </svg>
  );
}
