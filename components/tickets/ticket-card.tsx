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
    <article className="rounded-md border border-slate-200 bg-white p-3 pr-10 shadow-sm" aria-labelledby={`card-${card.id}`} data-testid="ticket-card">
      <p className="font-mono text-xs text-slate-500">{card.ticketId}</p>
      <h3 id={`card-${card.id}`} className="mt-0.5 font-medium break-words">
        <Link href={`/tickets/${card.ticketId}`} className="hover:underline">
          {card.title}
        </Link>
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <PriorityBadge priority={card.priority} t={t} />
        {machine?.status === "out_of_service" && (
          <span className="rounded bg-slate-800 px-2 py-0.5 text-xs font-medium text-white">⛔ {words.outOfService}</span>
        )}
      </div>
      <dl className="mt-2 space-y-0.5 text-sm text-slate-700">
        <div className="flex gap-1">
          <dt className="sr-only">{words.machine}</dt>
          <dd className="truncate">{machine?.label}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-slate-500">{words.assignee} :</dt>
          <dd className="truncate">{who}</dd>
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
        <p className="text-xs text-slate-600">
          <span>💬 {format(words.comments, { count: card.comments })}</span> · <span>📷 {format(words.media, { count: card.media })}</span>
        </p>
        {canMove && <MoveMenu id={card.id} label={t.tickets.board.moveTo} ariaLabel={format(t.tickets.board.moveToLabel, { ticket: card.ticketId })} />}
      </div>
    </article>
  );
}
