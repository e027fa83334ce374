"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { moveTicketAction } from "@/app/(app)/tickets/actions";
import type { TicketStatus } from "@/lib/tickets/model";
import type { Locale } from "@/lib/i18n";
import { format as fill, type PluralTemplate } from "@/lib/i18n/format";
import { BoardContext, type BoardContextValue } from "./board-context";
import { TicketCard, type CardLabels, type CardView } from "./ticket-card";
import { useTouchDrag } from "./use-touch-drag";

export interface BoardColumnView {
  status: TicketStatus;
  label: string;
  count: number;
  ids: number[];
}

interface BoardColumnsProps {
  columns: BoardColumnView[];
  cards: Record<number, CardView>;
  canMove: boolean;
  labels: { column: PluralTemplate; empty: string; more: PluralTemplate; moved: string; refused: string; failed: string; dragHandle: string };
  cardLabels: CardLabels;
  locale: Locale;
}

type Placement = Record<string, number[]>;

/**
 * The columns and the moves between them: drag with a mouse or a finger, or the
 * cards' "Déplacer vers…" menus. A move shows at once and stays: the server's
 * answer is only "yes" (the page is not rendered again for it) or "no", which
 * rolls it back with the reason and reloads the board.
 */
export function BoardColumns({ columns, cards, canMove, labels, cardLabels, locale }: BoardColumnsProps) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const placement = useMemo(() => Object.fromEntries(columns.map((c) => [c.status, c.ids])) as Placement, [columns]);
  // The board as the user sees it: the server's placement, plus the moves made since.
  const [moved, setMoved] = useState<{ from: Placement; shown: Placement }>({ from: placement, shown: placement });
  const shown = moved.from === placement ? moved.shown : placement;
  const place = useCallback(
    (id: number, to: string) =>
      setMoved((state) => {
        const base = state.from === placement ? state.shown : placement;
        const next: Placement = {};
        for (const [status, ids] of Object.entries(base)) next[status] = ids.filter((i) => i !== id);
        next[to] = [id, ...(next[to] ?? [])];
        return { from: placement, shown: next };
      }),
    [placement],
  );

  // A card moved from its menu lands in another column (a new element): keep the keyboard user's focus on it.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (refocus.current === null) return;
    const button = document.querySelector<HTMLButtonElement>(`[data-ticket="${refocus.current}"] button[aria-haspopup="menu"]`);
    if (button) {
      button.focus();
      refocus.current = null;
    }
  }, [shown]);

  const statusOf = useCallback(
    (id: number) => Object.keys(shown).find((status) => shown[status]!.includes(id)) as TicketStatus | undefined,
    [shown],
  );

  const move = useCallback(
    (id: number, to: TicketStatus, options?: { refocus?: boolean }) => {
      const from = statusOf(id);
      if (!canMove || !from || from === to) return;
      if (options?.refocus) refocus.current = id;
      const label = columns.find((c) => c.status === to)?.label ?? to;
      startTransition(async () => {
        place(id, to);
        // Plant wifi drops: a request that never answers is refused like any other.
        const result = await moveTicketAction({ id, from, to }).catch(() => ({ ok: false as const, error: labels.failed }));
        if (result.ok) setMessage({ error: false, text: fill(labels.moved, { ticket: cards[id]?.ticketId ?? id, status: label }) });
        else {
          place(id, from);
          setMessage({ error: true, text: fill(labels.refused, { reason: result.error }) });
          router.refresh();
        }
      });
    },
    [canMove, cards, columns, labels, place, router, statusOf],
  );

  const touch = useTouchDrag(setOver, (id, column) => move(id, column as TicketStatus));
  const context: BoardContextValue = { statuses: columns.map((c) => ({ status: c.status, label: c.label })), move, statusOf };

  return (
    <BoardContext.Provider value={context}>
      <p role={message?.error ? "alert" : "status"} className={message ? `mb-3 rounded-md border px-3 py-2 text-sm ${message.error ? "border-red-300 bg-red-50 text-red-800" : "border-emerald-300 bg-emerald-50 text-emerald-900"}` : "sr-only"}>
        {message?.text}
      </p>
      {/* Wide screens: the board uses the window's width, not the text column's. */}
      <div data-board className="-mx-3 flex snap-x snap-mandatory gap-3 overflow-x-auto px-3 pb-4 sm:mx-0 sm:px-0 xl:mx-[calc((72rem-100vw)/2+1.5rem)]">
        {columns.map((column) => {
          const ids = shown[column.status] ?? [];
          const count = column.count + ids.length - column.ids.length;
          return (
            <section
              key={column.status}
              data-column={column.status}
              data-testid={`column-${column.status}`}
              aria-labelledby={`column-${column.status}-title`}
              onDragOver={(e) => canMove && (e.preventDefault(), setOver(column.status))}
              onDragLeave={() => setOver((o) => (o === column.status ? null : o))}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                move(Number(e.dataTransfer.getData("text/plain")), column.status);
              }}
              className={`flex w-[85vw] max-w-80 shrink-0 snap-start flex-col rounded-lg border bg-slate-100 p-2 sm:w-72 xl:w-auto xl:min-w-52 xl:flex-1 xl:shrink ${over === column.status ? "border-amber-500 ring-2 ring-amber-500/40" : "border-slate-200"}`}
            >
              <h2 id={`column-${column.status}-title`} className="flex items-center justify-between px-1 pb-2 text-sm font-semibold">
                <span>{column.label}</span>
                <span className="rounded-full bg-white px-2 py-0.5 text-xs tabular-nums ring-1 ring-slate-300" aria-label={fill(labels.column, { status: column.label, count }, locale)}>
                  {count}
                </span>
              </h2>
              {ids.length === 0 && <p className="rounded-md border border-dashed border-slate-300 p-3 text-center text-sm text-slate-500">{labels.empty}</p>}
              <ol className="flex flex-col gap-2">
                {ids.map((id) => (
                  <li
                    key={id}
                    data-ticket={id}
                    draggable={canMove}
                    onDragStart={(e) => {
                      e.dataTransfer.setData("text/plain", String(id));
                      e.dataTransfer.effectAllowed = "move";
                    }}
                    className="relative"
                  >
                    {canMove && (
                      <span
                        aria-hidden
                        title={fill(labels.dragHandle, { ticket: cards[id]?.ticketId ?? id })}
                        {...touch(id)}
                        className="absolute top-1 right-1 z-10 flex h-8 w-8 cursor-grab touch-none items-center justify-center rounded text-slate-400 select-none"
                      >
                        ⠿
                      </span>
                    )}
                    {cards[id] && <TicketCard card={cards[id]} labels={cardLabels} canMove={canMove} locale={locale} />}
                  </li>
                ))}
              </ol>
              {count > ids.length && <p className="mt-2 px-1 text-xs text-slate-600">{fill(labels.more, { count: count - ids.length }, locale)}</p>}
            </section>
          );
        })}
      </div>
    </BoardContext.Provider>
  );
}
