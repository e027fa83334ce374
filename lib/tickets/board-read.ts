// An open board read again (GET /tickets/read/board, components/tickets/board-columns.tsx):
// what changed since the board it shows. Pure, so the page's side and its tests share it.
import type { BoardView } from "./board-view";

/**
 * A board read again, keeping what did not change: the same card objects (a card
 * that did not change is not drawn again), and the shown columns and cards when
 * nothing changed (the read on every socket opening usually brings the same board).
 * Its time is always the newer read's: a move shown on top of the board until a
 * read after it (a refused undo puts the card back until then) must meet that read
 * even when it brought nothing new.
 */
export function sameAsBefore(before: BoardView, fresh: BoardView): BoardView {
  const renderedAt = Math.max(before.renderedAt, fresh.renderedAt);
  const cards: BoardView["cards"] = {};
  let changed = JSON.stringify(before.columns) !== JSON.stringify(fresh.columns);
  for (const [id, card] of Object.entries(fresh.cards)) {
    const old = before.cards[Number(id)];
    const same = old !== undefined && JSON.stringify(old) === JSON.stringify(card);
    cards[Number(id)] = same ? old : card;
    if (!same) changed = true;
  }
  if (!changed && Object.keys(before.cards).length === Object.keys(fresh.cards).length) {
    return renderedAt === before.renderedAt ? before : { ...before, renderedAt };
  }
  return { ...fresh, cards, renderedAt };
}
