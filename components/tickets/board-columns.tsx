"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useTransition } from "react";
import { moveTicketAction } from "@/app/(app)/tickets/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useOffline } from "@/components/offline/offline-provider";
import { submitOrQueue } from "@/components/offline/outbox";
import { isQueued } from "@/lib/offline/outbox";
import type { TicketStatus } from "@/lib/tickets/model";
import type { Locale } from "@/lib/i18n";
import { format as fill, type PluralTemplate } from "@/lib/i18n/format";
import { BoardContext, type BoardContextValue } from "./board-context";
import { sameAsBefore } from "@/lib/tickets/board-read";
import type { BoardView } from "@/lib/tickets/board-view";
import { fetchRead } from "@/components/messages/fetch-read";
import { BoardTabs, panelId, tabId, useColumnTabs, useNarrowBoard } from "./board-tabs";
import { useTicketsChanged } from "./live-tickets";
import { MoveToast, type MoveNotice } from "./move-toast";
import { TicketCard, type CardLabels } from "./ticket-card";
import { useBoardDrag } from "./use-board-drag";
import { ColumnSwatch, columnTopBorder } from "./column-swatch";

export interface BoardLabels {
  /** The phone's tabs, one per column, and the word after their counts. */
  tabs: string;
  tabCount: PluralTemplate;
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
  /** The board as the page was rendered with; read again (GET /tickets/read/board) when tickets change elsewhere. */
  view: BoardView;
  canMove: boolean;
  labels: BoardLabels;
  cardLabels: CardLabels;
  locale: Locale;
}

type Placement = Record<string, number[]>;

/**
 * A move made on this page, shown over the server's placement until the server has
 * rendered the board after writing it (writtenAt, the server's clock; null while the
 * move is on its way). A live render of someone else's change can be on its way
 * meanwhile, read before this move: it must not put the card back.
 */
interface LocalMove {
  id: number;
  to: string;
  writtenAt: number | null;
}

/** The moves a render that started at `renderedAt` already shows, or overrules, are the server's now. */
const pending = (moves: LocalMove[], renderedAt: number) => moves.filter((m) => m.writtenAt === null || m.writtenAt >= renderedAt);

/** The placement with these moves made: each card at the top of its column, where the server puts a card just changed (lib/tickets/board.ts). */
function withMoves(placement: Placement, moves: LocalMove[]): Placement {
  if (!moves.length) return placement;
  const next = { ...placement };
  for (const move of moves) {
    for (const [status, ids] of Object.entries(next)) if (ids.includes(move.id)) next[status] = ids.filter((i) => i !== move.id);
    next[move.to] = [move.id, ...(next[move.to] ?? [])];
  }
  return next;
}

/**
 * The columns and the moves between them: drag with a mouse, a pen or a finger,
 * or the cards' "Déplacer vers…" menus. A move shows at once and stays: the
 * server's answer is only "yes" (then it can be undone for a few seconds, by the
 * same move back, which the server checks like any other) or "no", which rolls it
 * back with the reason and reads the board again. It follows what others change:
 * when tickets change anywhere, it reads itself again (GET /tickets/read/board,
 * lib/tickets/board-view.ts) and shows that. A phone shows one column at a time,
 * under tabs (board-tabs.tsx): a swipe or a tab changes column, and a card dragged
 * onto a tab moves there.
 */
export function BoardColumns({ view: rendered, canMove, labels, cardLabels, locale }: BoardColumnsProps) {
  const queuedMove = useOffline()?.words.queuedMove ?? "";
  const [moving, startTransition] = useTransition();
  const [notice, setNotice] = useState<MoveNotice | null>(null);
  const [asking, setAsking] = useState<{ id: number; to: TicketStatus } | null>(null);
  // The latest board: the page's render (a navigation, "Afficher N de plus", brings a new one) or a later read.
  const [latest, setLatest] = useState({ view: rendered, from: rendered });
  const view = latest.from === rendered ? latest.view : rendered;
  const { columns, cards, renderedAt } = view;
  const placement = useMemo(() => Object.fromEntries(columns.map((c) => [c.status, c.ids])) as Placement, [columns]);
  // The board as the user sees it: the server's placement, plus the moves made here that it does not show yet.
  const [local, setLocal] = useState<{ moves: LocalMove[]; render: number }>({ moves: [], render: renderedAt });
  if (local.render !== renderedAt) setLocal({ moves: pending(local.moves, renderedAt), render: renderedAt });
  const shown = useMemo(() => withMoves(placement, local.moves), [placement, local.moves]);
  const place = useCallback(
    (id: number, to: string, writtenAt: number | null = null) =>
      setLocal((state) => ({ ...state, moves: [...state.moves.filter((m) => m.id !== id), { id, to, writtenAt }] })),
    [],
  );
  /** The server wrote the move: it stays shown until a render that started later. */
  const written = useCallback(
    (id: number, to: string, writtenAt: number) =>
      setLocal((state) => ({
        ...state,
        moves: pending(
          state.moves.map((m) => (m.id === id && m.to === to ? { ...m, writtenAt } : m)),
          state.render,
        ),
      })),
    [],
  );
  /** Refused: the server's placement is right again (and a render is asked for). */
  const forget = useCallback((id: number) => setLocal((state) => ({ ...state, moves: state.moves.filter((m) => m.id !== id) })), []);

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

  // Tickets changed elsewhere: the board is read again for this page's address (its filters and pages).
  // Not while a card is in the hand, a drop asks, or a move is on its way: the read waits, or its answer does.
  const current = useRef({ rendered, held: false, parked: null as BoardView | null });
  const take = useCallback((fresh: BoardView) => {
    const now = current.current;
    // Reads can answer out of order: the newest waits.
    if (now.held) return void (now.parked = now.parked && now.parked.renderedAt > fresh.renderedAt ? now.parked : fresh);
    setLatest((state) => {
      const shownView = state.from === now.rendered ? state.view : now.rendered;
      if (fresh.renderedAt <= shownView.renderedAt) return state;
      const next = sameAsBefore(shownView, fresh);
      return next === shownView ? state : { view: next, from: now.rendered };
    });
  }, []);
  const readAgain = useCallback(() => {
    const search = location.search;
    fetchRead<BoardView>(`/tickets/read/board${search}`).then(
      (fresh) => fresh && location.search === search && take(fresh),
      () => undefined, // Offline: the socket's next opening reads it again.
    );
  }, [take]);

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
      const ticket = cards[id]?.ticketId ?? id;
      // Undo is the move back, from where the ticket now is: the server refuses it if someone moved the ticket since.
      const undo = (movedAt: number) => () => {
        refocus.current = id;
        setNotice(null);
        place(id, from);
        startTransition(async () => {
          const result = await moveTicketAction({ id, from: to, to: from }).catch(() => ({ ok: false as const, error: labels.failed }));
          if (result.ok) {
            written(id, from, result.data.writtenAt);
            setNotice({ key: Date.now(), error: false, text: fill(labels.undone, { ticket, status: labelOf(from) }) });
          } else {
            place(id, to, movedAt);
            setNotice({ key: Date.now(), error: true, text: fill(labels.refused, { reason: result.error }) });
            readAgain();
          }
        });
      };
      // Shown at once, outside the transition: the card must not hang under the pointer while the server answers.
      place(id, to);
      startTransition(async () => {
        // [offline] Plant wifi drops: the move is kept on the device and sent when the network returns (components/offline/).
        // Kept, it stays shown until the board is read after now (the read once the network is back).
        const kept = { scope: id, subject: String(ticket), text: labelOf(to) };
        const result = await submitOrQueue("move", { id, from, to }, () => moveTicketAction({ id, from, to }), kept).catch(() => ({ ok: false as const, error: labels.failed }));
        if (!result.ok) {
          forget(id);
          setNotice({ key: Date.now(), error: true, text: fill(labels.refused, { reason: result.error }) });
          readAgain();
        } else if (isQueued(result.data)) {
          written(id, to, Date.now());
          setNotice({ key: Date.now(), error: false, text: fill(queuedMove, { ticket }) });
        } else {
          written(id, to, result.data.writtenAt);
          setNotice({ key: Date.now(), error: false, text: fill(labels.moved, { ticket, status: labelOf(to) }), undo: undo(result.data.writtenAt) });
        }
      });
    },
    [canMove, cards, forget, labelOf, labels, place, queuedMove, readAgain, statusOf, written],
  );

  const dropped = useCallback(
    (id: number, column: string, pointerType: string) => {
      const to = column as TicketStatus;
      if (statusOf(id) === to) return;
      // A drop that closes the ticket (a done or archived column) by finger or pen asks first: a slipped finger must not close it.
      if (pointerType !== "mouse" && columns.find((c) => c.status === to)?.closes) setAsking({ id, to });
      else move(id, to);
    },
    [columns, move, statusOf],
  );
  const narrow = useNarrowBoard();
  const board = useRef<HTMLDivElement>(null);
  const tabs = useColumnTabs(board, columns.map((c) => c.status), narrow);
  // One column wide, the board does not scroll sideways under a held card: the tabs are the other columns.
  const { drag, ghost, handlers } = useBoardDrag(canMove, dropped, { sideways: !narrow });
  const held = drag !== null || asking !== null || moving;
  useLayoutEffect(() => {
    current.current.rendered = rendered;
    current.current.held = held;
  });
  useEffect(() => {
    const parked = current.current.parked;
    if (held || !parked) return;
    current.current.parked = null;
    take(parked);
  }, [held, take]);
  useTicketsChanged(readAgain, held);
  // Stable while nothing it holds changes: every card's menu reads it.
  const context = useMemo<BoardContextValue>(() => ({ statuses: columns.map((c) => ({ status: c.status, label: c.label })), move, statusOf }), [columns, move, statusOf]);
  const lifted = drag ? cards[drag.id] : undefined;
  const shownColumns = columns.map((column) => {
    const ids = shown[column.status] ?? [];
    return { ...column, shownIds: ids, count: column.count + ids.length - column.ids.length };
  });

  return (
    <BoardContext.Provider value={context}>
      <MoveToast notice={notice} undoLabel={labels.undo} onExpire={expire} />
      <BoardTabs
        tabs={shownColumns}
        board={board}
        selected={tabs.selected}
        onSelect={tabs.select}
        over={drag?.over ?? null}
        label={labels.tabs}
        countLabel={labels.tabCount}
        locale={locale}
      />
      {/* Phones: one full-width column at a time, a swipe snapping to the next (each column
          as tall as its own cards; the others are cut to what a screen shows of them while out of sight, so a
          short column does not scroll on into the empty height of a long one). Wide
          screens: the board uses the window's width, not the text column's. Positioned,
          so what is absolutely placed inside (a link's screen-reader words) scrolls with the
          columns instead of widening a phone's page. */}
      <div
        ref={board}
        data-board
        onScroll={tabs.onScroll}
        className="relative flex snap-x snap-mandatory gap-3 overflow-x-auto pb-4 max-md:items-start xl:mx-[calc((72rem-100vw)/2+1.5rem)]"
      >
        {shownColumns.map((column) => {
          const { shownIds: ids, count } = column;
          const frame = drag?.over === column.status ? "md:border-amber-500 md:ring-2 md:ring-amber-500/40" : "md:border-slate-200";
          return (
            <section
              key={column.status}
              id={panelId(column.status)}
              data-column={column.status}
              data-testid={`column-${column.status}`}
              {...(narrow ? { role: "tabpanel", "aria-labelledby": tabId(column.status) } : { "aria-labelledby": `column-${column.status}-title` })}
              className={`flex w-full shrink-0 snap-start snap-always flex-col md:w-72 md:snap-normal md:rounded-lg md:border md:border-t-4 md:bg-slate-100 md:p-2 xl:w-auto xl:min-w-52 xl:flex-1 xl:shrink ${frame} ${columnTopBorder[column.color]} ${
                column.status === tabs.selected ? "" : "max-md:max-h-[calc(100dvh-11rem)] max-md:overflow-clip"
              }`}
            >
              <h2 id={`column-${column.status}-title`} className="flex items-center justify-between px-1 pb-2 text-sm font-semibold max-md:sr-only">
                <span className="flex min-w-0 items-center gap-1.5 break-words">
                  <ColumnSwatch color={column.color} className="h-2.5 w-2.5" />
                  {column.label}
                </span>
                <span className="rounded-full bg-white px-2 py-0.5 text-xs tabular-nums ring-1 ring-slate-300" aria-label={fill(labels.column, { status: column.label, count }, locale)}>
                  {count}
                </span>
              </h2>
              {ids.length === 0 && <p className="rounded-md border border-dashed border-slate-300 p-3 text-center text-sm text-slate-500">{labels.empty}</p>}
              <ol className="flex flex-col gap-2">
                {ids.map((id) =>
                  cards[id] ? (
                    <TicketCard key={id} card={cards[id]} labels={cardLabels} canMove={canMove} locale={locale} lifted={drag?.id === id} drag={handlers} />
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
