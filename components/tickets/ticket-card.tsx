"use client";

import Link from "next/link";
import { memo } from "react";
import { PriorityPill } from "@/components/dashboard/priority-badge";
import type { Locale } from "@/lib/i18n";
import { format, type PluralTemplate } from "@/lib/i18n/format";
import { MoveMenu } from "./move-menu";
import type { CardView } from "@/lib/tickets/board-view";
import { ScheduleState } from "./schedule-state";

export interface CardLabels {
  assignee: string;
  comments: PluralTemplate;
  media: PluralTemplate;
  outOfService: string;
  moveTo: string;
  dragHandle: string;
}

interface TicketCardProps {
  card: CardView;
  labels: CardLabels;
  canMove: boolean;
  locale: Locale;
  /** The card lifted by a drag: it stays in place, faded, while its copy follows the pointer. */
  lifted: boolean;
  /** The card's pointer handlers, by id (use-board-drag.ts): one function for every card, so a card that did not change is not drawn again. */
  drag: (id: number) => React.HTMLAttributes<HTMLElement>;
}

/**
 * One card, kept to a dozen elements: a board of 2,000 tickets must stay light
 * (counts show only when there is something to count, labels are for screen readers).
 */
export const TicketCard = memo(function TicketCard({ card, labels, canMove, locale, lifted, drag }: TicketCardProps) {
  return (
    <li
      data-ticket={card.id}
      data-testid="ticket-card"
      aria-labelledby={`card-${card.id}`}
      {...drag(card.id)}
      className={`relative rounded-md border border-slate-200 bg-white p-3 shadow-sm ${canMove ? "pr-10" : ""} ${lifted ? "opacity-40" : ""}`}
    >
      {canMove && (
        <span
          aria-hidden
          data-drag-handle
          title={format(labels.dragHandle, { ticket: card.ticketId })}
          onContextMenu={(e) => e.preventDefault()}
          className="grip-dots absolute top-1 right-1 flex h-10 w-10 cursor-grab touch-none items-center justify-center rounded text-slate-500 select-none [-webkit-touch-callout:none]"
        />
      )}
      <p className="font-mono text-xs text-slate-500">{card.ticketId}</p>
      <h3 id={`card-${card.id}`} className="mt-0.5 font-medium break-words">
        <Link href={`/tickets/${card.ticketId}`} className="hover:underline">
          {card.title}
        </Link>
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <PriorityPill priority={card.priority} label={card.priorityLabel} />
        {card.outOfService && <span className="rounded bg-slate-800 px-2 py-0.5 text-xs font-medium text-white">{labels.outOfService}</span>}
        {card.down && <span data-testid="machine-down" className="rounded bg-red-700 px-2 py-0.5 text-xs font-medium text-white">{card.down}</span>}
      </div>
      {/* Machine names wrap: "Presse hydraulique S…" told nobody which press. */}
      <p className="mt-2 text-sm break-words text-slate-700">{card.machine}</p>
      <p className="text-sm break-words text-slate-700 before:text-slate-500 before:content-['→_']" data-testid="card-assignee">
        <span className="sr-only">{labels.assignee} </span>
        {card.assignee}
      </p>
      <ScheduleState view={card.schedule} />
      {(canMove || card.comments + card.media > 0) && (
      <div className="relative mt-2 flex flex-wrap items-center justify-between gap-2">
        {card.comments + card.media > 0 && (
          <p className="flex items-center gap-3 text-xs text-slate-600">
            {card.comments > 0 && <Count icon="M4 5h16v11H8l-4 4z" count={card.comments} label={format(labels.comments, { count: card.comments }, locale)} />}
            {card.media > 0 && <Count icon="M4 7h4l2-2h4l2 2h4v12H4zM12 10a3 3 0 1 0 0 6 3 3 0 0 0 0-6z" count={card.media} label={format(labels.media, { count: card.media }, locale)} />}
          </p>
        )}
        {canMove && <MoveMenu id={card.id} ticketId={card.ticketId} label={labels.moveTo} />}
      </div>
      )}
    </li>
  );
});

function Count({ icon, count, label }: { icon: string; count: number; label: string }) {
  return (
    <span className="inline-flex items-center gap-1" title={label}>
      <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round">
        <path d={icon} />
      </svg>
      {count}
      <span className="sr-only">{label}</span>
    </span>
  );
}
