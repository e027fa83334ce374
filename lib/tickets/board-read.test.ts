import { describe, expect, it } from "vitest";
import { sameAsBefore } from "./board-read";
import type { BoardView } from "./board-view";

const card = (id: number, title = `Ticket ${id}`) => ({ id, ticketId: `TKT-${id}`, title }) as unknown as BoardView["cards"][number];
const view = (renderedAt: number, received: number[], diagnostic: number[], titles: Record<number, string> = {}): BoardView => ({
  columns: [
    { status: "received", label: "Requête reçue", count: received.length, ids: received, more: null },
    { status: "diagnostic", label: "Diagnostic", count: diagnostic.length, ids: diagnostic, more: null },
  ] as unknown as BoardView["columns"],
  cards: Object.fromEntries([...received, ...diagnostic].map((id) => [id, card(id, titles[id])])),
  renderedAt,
});

describe("a board read again", () => {
  it("that brings the same board keeps its columns and cards, and takes the newer read's time", () => {
    const before = view(100, [1], [2]);
    const after = sameAsBefore(before, view(200, [1], [2]));
    expect(after.columns).toBe(before.columns);
    expect(after.cards).toBe(before.cards);
    // A move shown until a read after it (a refused undo) meets this read, though it brought nothing new.
    expect(after.renderedAt).toBe(200);
    expect(sameAsBefore(after, view(150, [1], [2]))).toBe(after);
  });

  it("that brings a change keeps the cards that did not change", () => {
    const before = view(100, [1, 3], [2]);
    const after = sameAsBefore(before, view(200, [3], [1, 2], { 2: "Renamed" }));
    expect(after.columns.map((c) => c.ids)).toEqual([[3], [1, 2]]);
    expect(after.cards[1]).toBe(before.cards[1]);
    expect(after.cards[3]).toBe(before.cards[3]);
    expect(after.cards[2]).not.toBe(before.cards[2]);
    expect(after.renderedAt).toBe(200);
  });
});
