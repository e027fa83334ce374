import Link from "next/link";
import type { Messages } from "@/lib/i18n";
import { ticketSorts, type TicketSort } from "@/lib/tickets/sort";

interface SortLinksProps {
  current: TicketSort;
  /** The same list in another order, keeping everything else the URL says. */
  hrefFor: (sort: TicketSort) => string;
  words: Messages["tickets"]["sort"];
  className?: string;
}

/**
 * The four orders of a list of tickets as links: one tap, no form to send, and the
 * choice stays in the URL (it works without script, and a sorted board can be shared).
 */
export function SortLinks({ current, hrefFor, words, className = "" }: SortLinksProps) {
  return (
    <nav aria-label={words.label} className={`flex items-center gap-2 overflow-x-auto ${className}`}>
      <span aria-hidden="true" className="shrink-0 text-sm font-medium text-slate-700">
        {words.label}
      </span>
      {ticketSorts.map((sort) => (
        <Link
          key={sort}
          href={hrefFor(sort)}
          aria-current={sort === current ? "true" : undefined}
          scroll={false}
          className="inline-flex min-h-11 shrink-0 items-center rounded-full border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-[current=true]:border-slate-900 aria-[current=true]:bg-slate-900 aria-[current=true]:text-white"
        >
          {words[sort]}
        </Link>
      ))}
    </nav>
  );
}
