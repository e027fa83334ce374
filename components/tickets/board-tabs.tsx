"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Locale } from "@/lib/i18n";
import { format as fill, type PluralTemplate } from "@/lib/i18n/format";
import type { ColumnColor } from "@/lib/tickets/columns";
import { ColumnSwatch } from "./column-swatch";

/** Below Tailwind's md (48rem) the board shows one column at a time, under these tabs. */
const NARROW = "(max-width: 47.99rem)";
/** A scroll that rested this long has settled on its column. */
const SETTLE_MS = 120;

function onNarrowChange(notify: () => void) {
  const query = matchMedia(NARROW);
  query.addEventListener("change", notify);
  return () => query.removeEventListener("change", notify);
}

/** True on a phone. The server renders the wide board; a phone turns it into tabs as it hydrates (CSS already shows one column). */
export function useNarrowBoard(): boolean {
  return useSyncExternalStore(onNarrowChange, () => matchMedia(NARROW).matches, () => false);
}

export const tabId = (status: string) => `column-${status}-tab`;
export const panelId = (status: string) => `column-${status}`;

const columnsOf = (board: HTMLElement) => board.querySelectorAll<HTMLElement>(":scope > [data-column]");

/**
 * Which column a phone shows, in step with the board's sideways scroll (a swipe
 * snaps to the next column and its tab follows); choosing a tab scrolls to its
 * column. The columns a chosen one's scroll passes over are not chosen on the way.
 */
export function useColumnTabs(board: React.RefObject<HTMLElement | null>, statuses: string[], narrow: boolean) {
  const [chosen, setChosen] = useState(statuses[0]!);
  const selected = statuses.includes(chosen) ? chosen : statuses[0]!;
  const aiming = useRef<string | null>(null);
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);

  const nearest = useCallback(() => {
    const element = board.current;
    if (!element) return null;
    let best: string | null = null;
    let distance = Infinity;
    for (const column of columnsOf(element)) {
      // The board is positioned: a column's offsetLeft is from the board's start.
      const d = Math.abs(column.offsetLeft - element.scrollLeft);
      if (d < distance) [best, distance] = [column.dataset.column!, d];
    }
    return best;
  }, [board]);

  const onScroll = useCallback(() => {
    if (!narrow) return;
    clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      aiming.current = null;
      const status = nearest();
      if (status) setChosen(status);
    }, SETTLE_MS);
    if (aiming.current) return;
    const status = nearest();
    if (status) setChosen(status);
  }, [narrow, nearest]);

  const select = useCallback(
    (status: string) => {
      setChosen(status);
      const element = board.current;
      const column = element && [...columnsOf(element)].find((c) => c.dataset.column === status);
      if (!element || !column) return;
      const left = column.offsetLeft;
      if (Math.abs(element.scrollLeft - left) < 1) return;
      aiming.current = status;
      element.scrollTo({ left, behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    },
    [board],
  );

  useEffect(() => () => clearTimeout(settle.current), []);
  return { selected, select, onScroll };
}

export interface BoardTab {
  status: string;
  label: string;
  color: ColumnColor;
  count: number;
}

interface BoardTabsProps {
  tabs: BoardTab[];
  /** The board under the tabs. */
  board: React.RefObject<HTMLElement | null>;
  selected: string;
  onSelect: (status: string) => void;
  /** The tab under a dragged card: dropping there moves the card to its column. */
  over: string | null;
  label: string;
  /** The word after a tab's count, for screen readers ("tickets"). */
  countLabel: PluralTemplate;
  locale: Locale;
}

/**
 * A phone's columns as tabs with their counts: tap one, or swipe the board, to see
 * its column; arrows, Home and End from the keyboard. A card dragged onto a tab
 * moves to its column. Sticky, so they stay at hand down a long column.
 */
export function BoardTabs({ tabs, board, selected, onSelect, over, label, countLabel, locale }: BoardTabsProps) {
  const bar = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const shown = useRef(selected);

  useEffect(() => {
    if (shown.current === selected) return;
    shown.current = selected;
    // Another column, seen from its top: from down a long column, the page comes back up to just under the tabs.
    const stuck = bar.current?.getBoundingClientRect().bottom;
    const top = board.current?.getBoundingClientRect().top;
    if (stuck !== undefined && top !== undefined && top < stuck - 1) window.scrollBy({ top: top - stuck });
  }, [selected, board]);

  // The chosen tab stays in view when a swipe chooses one beyond the strip's edge.
  useEffect(() => {
    const strip = list.current;
    const tab = strip?.querySelector<HTMLElement>(`#${tabId(selected)}`);
    if (!strip || !tab || strip.scrollWidth <= strip.clientWidth) return;
    const start = tab.offsetLeft;
    const margin = 24;
    if (start < strip.scrollLeft + margin) strip.scrollTo({ left: start - margin });
    else if (start + tab.offsetWidth > strip.scrollLeft + strip.clientWidth - margin) strip.scrollTo({ left: start + tab.offsetWidth - strip.clientWidth + margin });
  }, [selected]);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.status === selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const status = tabs[(next + tabs.length) % tabs.length]!.status;
    onSelect(status);
    list.current?.querySelector<HTMLElement>(`#${tabId(status)}`)?.focus();
  }

  return (
    <div ref={bar} className="sticky top-0 z-30 -mx-3 mb-2 bg-slate-50 py-1 md:hidden">
      <div
        ref={list}
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="relative flex gap-2 overflow-x-auto scroll-px-3 px-3 [scrollbar-width:none] [&::-webkit-scrollbar]:hidden"
      >
        {tabs.map((tab) => {
          const active = tab.status === selected;
          return (
            <button
              key={tab.status}
              id={tabId(tab.status)}
              type="button"
              role="tab"
              aria-selected={active}
              aria-controls={panelId(tab.status)}
              tabIndex={active ? 0 : -1}
              data-column={tab.status}
              onClick={() => onSelect(tab.status)}
              // A long name (the plant's own columns) wraps on two lines rather than taking the phone's whole width.
              className={`inline-flex min-h-11 max-w-[15rem] shrink-0 items-center gap-2 rounded-full border px-4 py-1 text-left text-sm leading-tight font-medium ${
                active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-800"
              } ${over === tab.status ? "ring-4 ring-amber-500/60" : ""}`}
            >
              {/* Named by what it shows, then the word for the count ("Diagnostic 2 tickets"): a voice user says what they see. */}
              <ColumnSwatch color={tab.color} className={`h-2.5 w-2.5 ${active ? "ring-2 ring-white" : ""}`} />
              <span className="min-w-0 break-words">{tab.label}</span>{" "}
              <span className={`min-w-6 rounded-full px-1.5 text-center text-xs tabular-nums ${active ? "bg-white text-slate-900" : "bg-slate-100 text-slate-700"}`}>
                {tab.count}
              </span>{" "}
              <span className="sr-only">{fill(countLabel, { count: tab.count }, locale)}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
