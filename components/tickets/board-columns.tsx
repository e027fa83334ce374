"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { moveTicketAction } from "@/app/(app)/tickets/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useOffline } from "@/components/offline/offline-provider";
import { submitOrQueue } from "@/components/offline/outbox";
import { isQueued } from "@/lib/offline/outbox";
import type { TicketStatus } from "@/lib/tickets/model";
import type { Locale } from "@/lib/i18n";
import { format as fill, type PluralTemplate } from "@/lib/i18n/format";
import { BoardContext, type BoardContextValue } from "./board-context";
import { MoveToast, type MoveNotice } from "./move-toast";
import { TicketCard, type CardLabels, type CardView } from "./ticket-card";
import { useBoardDrag } from "./use-board-drag";

export interface BoardColumnView {
  status: TicketStatus;
  label: string;
  count: number;
  ids: number[];
  /** The same board with this column showing more cards, and how many more; null once the column shows all it may. */
  more: { href: string; count: number } | null;
}

export interface BoardLabels {
  column: PluralTemplate;
  empty: string;
  more: PluralTemplate;
  showMore: string;
  moved: string;
  undone: string;
  undo: string;
  refused: string;
  failed: string;
  confirmMove: string;
  confirmMoveAction: string;
  cancel: string;
}

interface BoardColumnsProps {
  columns: BoardColumnView[];
  cards: Record<number, CardView>;
  canMove: boolean;
  labels: BoardLabels;
  cardLabels: CardLabels;
  locale: Locale;
}

type Placement = Record<string, number[]>;

/** A drop on these columns by finger or pen asks first: a slipped finger must not close a ticket. */
const ASK_ON_TOUCH: string[] = ["completed", "archived"];

/**
 * The columns and the moves between them: drag with a mouse, a pen or a finger,
 * or the cards' "Déplacer vers…" menus. A move shows at once and stays: the
 * server's answer is only "yes" (then it can be undone for a few seconds, by the
 * same move back, which the server checks like any other) or "no", which rolls it
 * back with the reason and reloads the board.
 */
export function BoardColumns({ columns, cards, canMove, labels, cardLabels, locale }: BoardColumnsProps) {
  const router = useRouter();
  const queuedMove = useOffline()?.words.queuedMove ?? "";
  const [, startTransition] = useTransition();
  const [notice, setNotice] = useState<MoveNotice | null>(null);
  const [asking, setAsking] = useState<{ id: number; to: TicketStatus } | null>(null);
  const placement = useMemo(() => Object.fromEntries(columns.map((c) => [c.status, c.ids])) as Placement, [columns]);
  // The board as the user sees it: the server's placement, plus the moves made since.
  const [moved, setMoved] = useState<{ from: Placement; shown: Placement }>({ from: placement, shown: placement });
  const shown = moved.from === placement ? moved.shown : placement;
  const place = useCallback(
    (id: number, to: string, index = 0) =>
      setMoved((state) => {
        const base = state.from === placement ? state.shown : placement;
        const next: Placement = {};
        for (const [status, ids] of Object.entries(base)) next[status] = ids.filter((i) => i !== id);
        const column = [...(next[to] ?? [])];
        column.splice(index, 0, id);
        next[to] = column;
        return { from: placement, shown: next };
      }),
    [placement],
  );

  // A card moved from its menu, or put back by Annuler, is a new element: keep the keyboard user's focus on it.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (refocus.current === null) return;
    const button = document.querySelector<HTMLButtonElement>(`[data-ticket="${refocus.current}"] button[aria-haspopup="menu"]`);
    if (button) {
      button.focus();
      refocus.current = null;
    }
  }, [shown]);

  // "Afficher N de plus" is a link (it works without script and keeps the filters); focus goes to the first card it brought.
  const showMoreFocus = useRef<{ status: string; index: number } | null>(null);
  useEffect(() => {
    const target = showMoreFocus.current;
    if (!target) return;
    const id = placement[target.status]?.[target.index];
    if (id === undefined) return;
    showMoreFocus.current = null;
    document.querySelector<HTMLElement>(`[data-ticket="${id}"] a`)?.focus();
  }, [placement]);

  const statusOf = useCallback(
    (id: number) => Object.keys(shown).find((status) => shown[status]!.includes(id)) as TicketStatus | undefined,
    [shown],
  );
  const labelOf = useCallback((status: TicketStatus) => columns.find((c) => c.status === status)?.label ?? status, [columns]);
  const expire = useCallback(() => setNotice(null), []);

  const move = useCallback(
    (id: number, to: TicketStatus, options?: { refocus?: boolean }) => {
      const from = statusOf(id);
      if (!canMove || !from || from === to) return;
      if (options?.refocus) refocus.current = id;
      const index = shown[from]!.indexOf(id);
      const ticket = cards[id]?.ticketId ?? id;
      // Undo is the move back, from where the ticket now is: the server refuses it if someone moved the ticket since.
      const undo = () => {
        refocus.current = id;
        setNotice(null);
        place(id, from, index);
        startTransition(async () => {
          const result = await moveTicketAction({ id, from: to, to: from }).catch(() => ({ ok: false as const, error: labels.failed }));
          if (result.ok) setNotice({ key: Date.now(), error: false, text: fill(labels.undone, { ticket, status: labelOf(from) }) });
          else {
            place(id, to);
            setNotice({ key: Date.now(), error: true, text: fill(labels.refused, { reason: result.error }) });
            router.refresh();
          }
        });
      };
      // Shown at once, outside the transition: the card must not hang under the pointer while the server answers.
      place(id, to);
      startTransition(async () => {
        // [offline] Plant wifi drops: the move is kept on the device and sent when the network returns (components/offline/).
        const kept = { scope: id, subject: String(ticket), text: labelOf(to) };
        const result = await submitOrQueue("move", { id, from, to }, () => moveTicketAction({ id, from, to }), kept).catch(() => ({ ok: false as const, error: labels.failed }));
        if (result.ok && isQueued(result.data)) setNotice({ key: Date.now(), error: false, text: fill(queuedMove, { ticket }) });
        else if (result.ok) setNotice({ key: Date.now(), error: false, text: fill(labels.moved, { ticket, status: labelOf(to) }), undo });
        else {
          place(id, from, index);
          setNotice({ key: Date.now(), error: true, text: fill(labels.refused, { reason: result.error }) });
          router.refresh();
        }
      });
    },
    [canMove, cards, labelOf, labels, place, queuedMove, router, shown, statusOf],
  );

  const dropped = useCallback(
    (id: number, column: string, pointerType: string) => {
      const to = column as TicketStatus;
      if (statusOf(id) === to) return;
      if (pointerType !== "mouse" && ASK_ON_TOUCH.includes(to)) setAsking({ id, to });
      else move(id, to);
    },
    [move, statusOf],
  );
  const { drag, ghost, handlers } = useBoardDrag(canMove, dropped);
  const context: BoardContextValue = { statuses: columns.map((c) => ({ status: c.status, label: c.label })), move, statusOf };
  const lifted = drag ? cards[drag.id] : undefined;

  return (
    <BoardContext.Provider value={context}>
      <MoveToast notice={notice} undoLabel={labels.undo} onExpire={expire} />
      {/* Wide screens: the board uses the window's width, not the text column's. Positioned,
          so what is absolutely placed inside (a link's screen-reader words) scrolls with the
          columns instead of widening a phone's page. */}
      <div data-board className="relative -mx-3 flex snap-x snap-mandatory gap-3 overflow-x-auto px-3 pb-4 sm:mx-0 sm:px-0 xl:mx-[calc((72rem-100vw)/2+1.5rem)]">
        {columns.map((column) => {
          const ids = shown[column.status] ?? [];
          const count = column.count + ids.length - column.ids.length;
          return (
            <section
              key={column.status}
              data-column={column.status}
              data-testid={`column-${column.status}`}
              aria-labelledby={`column-${column.status}-title`}
              className={`flex w-[75vw] max-w-80 shrink-0 snap-start flex-col rounded-lg border bg-slate-100 p-2 sm:w-72 xl:w-auto xl:min-w-52 xl:flex-1 xl:shrink ${drag?.over === column.status ? "border-amber-500 ring-2 ring-amber-500/40" : "border-slate-200"}`}
            >
              <h2 id={`column-${column.status}-title`} className="flex items-center justify-between px-1 pb-2 text-sm font-semibold">
                <span>{column.label}</span>
                <span className="rounded-full bg-white px-2 py-0.5 text-xs tabular-nums ring-1 ring-slate-300" aria-label={fill(labels.column, { status: column.label, count }, locale)}>
                  {count}
                </span>
              </h2>
              {ids.length === 0 && <p className="rounded-md border border-dashed border-slate-300 p-3 text-center text-sm text-slate-500">{labels.empty}</p>}
              <ol className="flex flex-col gap-2">
                {ids.map((id) =>
                  cards[id] ? (
                    <TicketCard key={id} card={cards[id]} labels={cardLabels} canMove={canMove} locale={locale} lifted={drag?.id === id} drag={handlers(id)} />
                  ) : null,
                )}
              </ol>
              {column.more ? (
                <Link
                  href={column.more.href}
                  scroll={false}
                  onClick={() => (showMoreFocus.current = { status: column.status, index: column.ids.length })}
                  className="btn-ghost mt-2 min-h-11 justify-center text-sm"
                >
                  {fill(labels.showMore, { count: column.more.count })}
                  <span className="sr-only"> ({column.label})</span>
                </Link>
              ) : (
                count > ids.length && <p className="mt-2 px-1 text-xs text-slate-600">{fill(labels.more, { count: count - ids.length }, locale)}</p>
              )}
            </section>
          );
        })}
      </div>
      {lifted && (
        <div
          ref={ghost}
          aria-hidden
          data-drag-ghost={lifted.id}
          style={{ width: drag?.width }}
          className="pointer-events-none fixed top-0 left-0 z-50 rotate-2 rounded-md border border-amber-400 bg-white p-3 shadow-xl"
        >
          <p className="font-mono text-xs text-slate-500">{lifted.ticketId}</p>
          <p className="font-medium break-words">{lifted.title}</p>
        </div>
      )}
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        question={asking ? fill(labels.confirmMove, { ticket: cards[asking.id]?.ticketId ?? asking.id, status: labelOf(asking.to) }) : ""}
        confirmLabel={labels.confirmMoveAction}
        cancelLabel={labels.cancel}
        onConfirm={() => {
          if (asking) move(asking.id, asking.to);
          setAsking(null);
        }}
      />
    </BoardContext.Provider>
  );
}
