import type { BoardData, BoardFilters, ColumnLimits } from "@/lib/tickets/board";
import { boardView } from "@/lib/tickets/board-view";
import type { Locale, Messages } from "@/lib/i18n";
import { BoardColumns } from "./board-columns";

interface TicketBoardProps {
  board: BoardData;
  /** The URL's state, for each column's "Afficher N de plus" link. */
  filters: BoardFilters;
  limits: ColumnLimits;
  canMove: boolean;
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** The board as the server words it (lib/tickets/board-view.ts); the client part places and moves the cards, and follows changes made elsewhere. */
export function TicketBoard({ board, filters, limits, canMove, now, locale, timeZone, t }: TicketBoardProps) {
  const words = t.tickets.card;
  const b = t.tickets.board;
  return (
    <BoardColumns
      view={boardView(board, { filters, limits, now, locale, timeZone, t })}
      canMove={canMove}
      locale={locale}
      labels={{
        tabs: b.tabs,
        tabCount: b.tabCount,
        column: b.column,
        empty: b.emptyColumn,
        more: b.more,
        showMore: b.showMore,
        moved: b.moved,
        undone: b.undone,
        undo: b.undo,
        refused: b.moveRefused,
        failed: t.errors.errorBody,
        confirmMove: b.confirmMove,
        confirmMoveAction: b.confirmMoveAction,
        cancel: t.common.cancel,
      }}
      cardLabels={{
        assignee: words.assignee,
        comments: words.comments,
        media: words.media,
        outOfService: words.outOfService,
        moveTo: b.moveTo,
        dragHandle: b.dragHandle,
      }}
    />
  );
}
