"use client";

import Link from "next/link";
import { PriorityPill } from "@/components/dashboard/priority-badge";
import type { Locale } from "@/lib/i18n";
import { format, type PluralTemplate } from "@/lib/i18n/format";
import { MoveMenu } from "./move-menu";
import type { ScheduleView } from "@/lib/tickets/schedule";
import { ScheduleState } from "./schedule-state";

/** What a card shows, worded on the server: the browser receives data, not a rendered tree per card. */
export interface CardView {
  id: number;
  ticketId: string;
  title: string;
  priority: string;
  priorityLabel: string;
  machine: string;
  outOfService: boolean;
  assignee: string;
  schedule: ScheduleView | null;
  comments: number;
  media: number;
}

export interface CardLabels {
  machine: string;
  assignee: string;
  comments: PluralTemplate;
  media: PluralTemplate;
  outOfService: string;
  moveTo: string;
  moveToLabel: string;
}

export function TicketCard({ card, labels, canMove, locale }: { card: CardView; labels: CardLabels; canMove: boolean; locale: Locale }) {
  return (
    <article className="rounded-md border border-slate-200 bg-white p-3 pr-8 shadow-sm" aria-labelledby={`card-${card.id}`} data-testid="ticket-card">
      <p className="font-mono text-xs text-slate-500">{card.ticketId}</p>
      <h3 id={`card-${card.id}`} className="mt-0.5 font-medium break-words">
        <Link href={`/tickets/${card.ticketId}`} className="hover:underline">
          {card.title}
        </Link>
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <PriorityPill priority={card.priority} label={card.priorityLabel} />
        {card.outOfService && <span className="rounded bg-slate-800 px-2 py-0.5 text-xs font-medium text-white">{labels.outOfService}</span>}
      </div>
      <dl className="mt-2 space-y-0.5 text-sm text-slate-700">
        <div>
          <dt className="sr-only">{labels.machine}</dt>
          <dd className="truncate">{card.machine}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="shrink-0 text-slate-500">
            <span aria-hidden>→</span>
            <span className="sr-only">{labels.assignee}</span>
          </dt>
          <dd className="truncate" data-testid="card-assignee">{card.assignee}</dd>
        </div>
      </dl>
      <ScheduleState view={card.schedule} />
      <div className="mt-2 flex items-center justify-between gap-2">
        <p className="flex items-center gap-3 text-xs text-slate-600">
          <Count icon="M4 5h16v11H8l-4 4z" count={card.comments} label={format(labels.comments, { count: card.comments }, locale)} />
          <Count icon="M4 7h4l2-2h4l2 2h4v12H4zM12 10a3 3 0 1 0 0 6 3 3 0 0 0 0-6z" count={card.media} label={format(labels.media, { count: card.media }, locale)} />
        </p>
        {canMove && <MoveMenu id={card.id} label={labels.moveTo} ariaLabel={format(labels.moveToLabel, { ticket: card.ticketId })} />}
      </div>
    </article>
  );
}

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
