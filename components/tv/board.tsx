import { useLayoutEffect, useRef, useState } from "react";
import { formatDuration, formatTime } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n";
import type { ScreenList, ScreenTicket, ScreenView } from "@/lib/tv/screen";
import { ColumnSwatch } from "@/components/tickets/column-swatch";

/** The words a screen needs, in its link's language. */
export type ScreenWords = Messages["tv"]["screen"] & { urgencies: Messages["tv"]["urgencies"]; duration: Messages["duration"] };

export interface ScreenClock {
  now: number;
  locale: Locale;
  timeZone: string;
}

const priorityEdge: Record<string, string> = {
  critical: "border-red-500",
  high: "border-orange-400",
  medium: "border-slate-500",
  low: "border-slate-600",
};

/** The dashboard: machines down across the top, then the overdue, the urgent, today's work and today's completed. */
export function ScreenBoard({ view, clock, words }: { view: ScreenView; clock: ScreenClock; words: ScreenWords }) {
  const since = (iso: string | null) => (iso ? formatDuration(clock.now - Date.parse(iso), words.duration) : "");
  const at = (iso: string | null) => (iso ? format(words.at, { time: formatTime(new Date(iso), clock.locale, clock.timeZone) }) : "");
  return (
    <div className="flex h-full min-h-0 flex-col gap-[0.8rem]">
      {view.down.length > 0 && (
        <section aria-labelledby="tv-down" className="rounded-[0.5rem] bg-red-700 px-[1rem] py-[0.5rem] text-white" data-testid="tv-down">
          <h2 id="tv-down" className="text-[0.9rem] font-bold tracking-wide uppercase">
            {words.down}
          </h2>
          <ul className="flex flex-wrap gap-x-[2rem] gap-y-[0.2rem]">
            {view.down.slice(0, 3).map((d) => (
              <li key={d.machineId} className="text-[1.2rem]">
                <span className="font-bold">{d.machine}</span> <span>{format(words.downSince, { duration: since(d.since) })}</span>
                {d.title && <span className="text-red-100"> — {d.title}</span>}
              </li>
            ))}
            {view.down.length > 3 && <li className="text-[1.2rem]">{format(words.more, { count: view.down.length - 3 }, clock.locale)}</li>}
          </ul>
        </section>
      )}
      <div className="grid min-h-0 flex-1 grid-cols-3 gap-[1rem]">
        <TicketPanel id="overdue" title={words.overdue} tone="text-amber-300" list={view.overdue} empty={words.overdueEmpty} words={words} locale={clock.locale} meta={(ticket) => format(words.lateBy, { duration: since(ticket.at) })} metaTone="text-amber-300" />
        <TicketPanel id="urgent" title={words.urgent} tone="text-red-300" list={view.urgent} empty={words.urgentEmpty} words={words} locale={clock.locale} meta={(ticket) => ticket.priorityLabel} metaTone="text-red-200" />
        <div className="flex min-h-0 flex-col gap-[1rem]">
          <TicketPanel id="today" title={words.today} tone="text-sky-300" list={view.today} empty={words.todayEmpty} words={words} locale={clock.locale} limit={3} meta={(ticket) => at(ticket.at)} metaTone="text-sky-200" status />
          <DonePanel list={view.done} words={words} locale={clock.locale} />
        </div>
      </div>
    </div>
  );
}

interface TicketPanelProps {
  id: string;
  title: string;
  tone: string;
  list: ScreenList;
  empty: string;
  words: ScreenWords;
  locale: Locale;
  meta: (ticket: ScreenTicket) => string;
  metaTone: string;
  /** Lines shown; the rest are counted. */
  limit?: number;
  /** Each line says its status (today's work: some of it is done). */
  status?: boolean;
}

/**
 * How many of a list's lines fit whole in its box: a screen never shows half a
 * card (a band of machines down takes the room of one or two). Measured after
 * layout and again whenever the box changes size; the rest are counted instead.
 */
function useWholeLines(count: number) {
  const ref = useRef<HTMLUListElement>(null);
  const [fitting, setFitting] = useState(count);
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const measure = () => {
      const bottom = list.getBoundingClientRect().bottom + 1;
      const lines = [...list.children];
      const whole = lines.findIndex((line) => line.getBoundingClientRect().bottom > bottom);
      setFitting(whole === -1 ? lines.length : whole);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [count]);
  return { ref, fitting: Math.min(fitting, count) };
}

function TicketPanel({ id, title, tone, list, empty, words, locale, meta, metaTone, limit = 6, status }: TicketPanelProps) {
  const candidates = list.items.slice(0, limit);
  const { ref, fitting } = useWholeLines(candidates.length);
  return (
    <section aria-labelledby={`tv-${id}`} className="flex min-h-0 flex-col" data-testid={`tv-${id}`}>
      <h2 id={`tv-${id}`} className={`mb-[0.4rem] flex items-baseline justify-between text-[1.1rem] font-bold ${tone}`}>
        <span>{title}</span>
        <span className="text-[1.6rem] tabular-nums">{list.total}</span>
      </h2>
      {candidates.length === 0 ? (
        <p className="rounded-[0.5rem] bg-slate-900 px-[0.8rem] py-[0.6rem] text-[1rem] text-emerald-300">{empty}</p>
      ) : (
        <ul ref={ref} className="flex min-h-0 flex-col gap-[0.4rem] overflow-hidden">
          {candidates.map((ticket, index) => (
            <li
              key={ticket.id}
              data-ticket={ticket.code}
              // A line that does not fit whole is kept for the measure, unseen (and out of the accessibility tree).
              className={`shrink-0 rounded-[0.4rem] border-l-[0.3rem] bg-slate-900 px-[0.7rem] py-[0.35rem] ${priorityEdge[ticket.priority] ?? "border-slate-600"} ${index < fitting ? "" : "invisible"}`}
            >
              <p className="truncate text-[1.1rem] leading-tight font-semibold text-white">{ticket.title}</p>
              <p className="flex justify-between gap-[0.6rem] text-[0.85rem] leading-snug text-slate-300">
                <span className="truncate">
                  {ticket.machine} · {ticket.who}
                  {status && ` · ${ticket.statusLabel}`}
                </span>
                <span className={`shrink-0 font-semibold ${metaTone}`}>{meta(ticket)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.total > fitting && <p className="mt-[0.3rem] text-[0.85rem] text-slate-400">{format(words.more, { count: list.total - fitting }, locale)}</p>}
    </section>
  );
}

function DonePanel({ list, words, locale }: { list: ScreenList; words: ScreenWords; locale: Locale }) {
  return (
    <section aria-labelledby="tv-done" className="flex min-h-0 flex-col rounded-[0.5rem] bg-slate-900 px-[0.8rem] py-[0.5rem]" data-testid="tv-done">
      <h2 id="tv-done" className="flex items-baseline justify-between text-[1.1rem] font-bold text-emerald-300">
        <span>{words.done}</span>
        <span className="text-[2.2rem] leading-none tabular-nums">{list.total}</span>
      </h2>
      {list.items.length === 0 ? (
        <p className="text-[0.9rem] text-slate-300">{words.doneEmpty}</p>
      ) : (
        <ul className="mt-[0.2rem] space-y-[0.1rem] overflow-hidden">
          {list.items.slice(0, 3).map((ticket) => (
            <li key={ticket.id} data-ticket={ticket.code} className="truncate text-[0.9rem] text-slate-200">
              {ticket.title} <span className="text-slate-400">· {ticket.who}</span>
            </li>
          ))}
        </ul>
      )}
      {list.total > 3 && <p className="text-[0.8rem] text-slate-400">{format(words.more, { count: list.total - 3 }, locale)}</p>}
    </section>
  );
}

/** The counts by column, along the bottom: the plant's columns, each named and coloured as on the board. */
export function ScreenCounts({ counts, words }: { counts: ScreenView["counts"]; words: ScreenWords }) {
  return (
    <section aria-label={words.counts} className="flex min-w-0 flex-1 gap-[0.6rem]" data-testid="tv-counts">
      {counts.map((c) => (
        <p key={c.key} className="flex min-w-0 flex-1 items-baseline justify-between gap-[0.4rem] rounded-[0.4rem] bg-slate-900 px-[0.7rem] py-[0.25rem]">
          <span className="flex min-w-0 items-center gap-[0.3rem] text-[0.8rem] text-slate-300">
            <ColumnSwatch color={c.color} dark className="h-[0.5rem] w-[0.5rem]" />
            <span className="line-clamp-2 leading-tight">{c.label}</span>
          </span>
          <span className="text-[1.5rem] font-bold tabular-nums">{c.count}</span>
        </p>
      ))}
    </section>
  );
}
