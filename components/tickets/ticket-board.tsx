import type { BoardData } from "@/lib/board";
import type { Locale, Messages } from "@/lib/i18n";
import { BoardColumns } from "./board-columns";
import { TicketCard } from "./ticket-card";

interface TicketBoardProps {
  board: BoardData;
  canMove: boolean;
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** Cards are rendered here, on the server; the client part only places and moves them. */
export function TicketBoard({ board, canMove, now, locale, timeZone, t }: TicketBoardProps) {
  const machines = new Map(board.machines.map((m) => [m.id, m]));
  const people = new Map(board.people.map((p) => [p.id, p.name]));
  const cards: Record<number, React.ReactNode> = {};
  const names: Record<number, string> = {};
  for (const card of board.columns.flatMap((c) => c.cards)) {
    names[card.id] = card.ticketId;
    cards[card.id] = (
      <TicketCard
        card={card}
        machine={machines.get(card.machineId)}
        assignee={card.assignedTo ? people.get(card.assignedTo) : undefined}
        canMove={canMove}
        now={now}
        locale={locale}
        timeZone={timeZone}
        t={t}
      />
    );
  }
  const b = t.tickets.board;
  return (
    <BoardColumns
      columns={board.columns.map((c) => ({ status: c.status, label: t.status[c.status], count: c.count, ids: c.cards.map((card) => card.id) }))}
      cards={cards}
      names={names}
      canMove={canMove}
      labels={{
        column: b.column,
        empty: b.emptyColumn,
        more: b.more,
        moved: b.moved,
        refused: b.moveRefused,
        dragHandle: b.dragHandle,
      }}
    />
  );
}

