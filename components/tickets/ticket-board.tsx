import { showMore, type BoardData, type BoardFilters, type ColumnLimits } from "@/lib/tickets/board";
import type { Locale, Messages } from "@/lib/i18n";
import { assigneeLabel } from "@/lib/tickets/model";
import { BoardColumns } from "./board-columns";
import { describeSchedule } from "@/lib/tickets/schedule";
import type { CardView } from "./ticket-card";
import { downText } from "@/components/machines/down-badge";

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

/** Words every card on the server (dates in the factory's zone, lateness, names); the client part places and moves them. */
export function TicketBoard({ board, filters, limits, canMove, now, locale, timeZone, t }: TicketBoardProps) {
  const machines = new Map(board.machines.map((m) => [m.id, m]));
  const people = new Map(board.people.map((p) => [p.id, p.name]));
  const words = t.tickets.card;
  const cards: Record<number, CardView> = {};
  for (const card of board.columns.flatMap((c) => c.cards)) {
    const machine = machines.get(card.machineId);
    cards[card.id] = {
      id: card.id,
      ticketId: card.ticketId,
      title: card.title,
      priority: card.priority,
      priorityLabel: t.priority[card.priority],
      machine: machine?.label ?? "",
      outOfService: machine?.status === "out_of_service",
      down: machine?.downSince ? downText(machine.downSince, locale, timeZone, t) : null,
      assignee: assigneeLabel(card.assignedTo, (id) => people.get(id), t),
      schedule: describeSchedule({ ...card, scheduledDate: card.scheduledDate ? new Date(card.scheduledDate) : null }, { now, locale, timeZone, t }),
      comments: card.comments,
      media: card.media,
    };
  }
  const b = t.tickets.board;
  return (
    <BoardColumns
      renderedAt={now.getTime()}
      columns={board.columns.map((c) => ({
        status: c.status,
        label: t.status[c.status],
        count: c.count,
        ids: c.cards.map((card) => card.id),
        more: showMore(filters, limits, c),
      }))}
      cards={cards}
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
