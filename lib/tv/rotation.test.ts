import { describe, expect, it } from "vitest";
import { offlineSince, slideDuration, slideIndex, SLIDE_MS, slidesOf, STALE_AFTER_MS } from "./rotation";

const view = {
  broadcasts: [
    { id: 4, text: "Évacuation à 14 h", urgency: "urgent" as const, image: null },
    { id: 9, text: "Visite du client", urgency: "info" as const, image: null },
  ],
  down: [{ machineId: 12, machine: "Presse 3", since: "2026-11-23T14:00:00.000Z", ticket: null, title: null }],
};

describe("what a screen shows in turn", () => {
  it("is its dashboard, then each broadcast, then an alert per machine down", () => {
    expect(slidesOf(view)).toEqual([{ kind: "board" }, { kind: "broadcast", id: 4 }, { kind: "broadcast", id: 9 }, { kind: "down", machineId: 12 }]);
    expect(slidesOf({ broadcasts: [], down: [] })).toEqual([{ kind: "board" }]);
  });

  it("shows an urgent broadcast longer than another", () => {
    expect(slideDuration({ kind: "broadcast", id: 4 }, view)).toBe(SLIDE_MS.urgent);
    expect(slideDuration({ kind: "broadcast", id: 9 }, view)).toBe(SLIDE_MS.broadcast);
    expect(slideDuration({ kind: "board" }, view)).toBe(SLIDE_MS.board);
  });

  it("goes back to the dashboard when the slide on screen is gone (the machine runs again)", () => {
    const slides = slidesOf(view);
    expect(slideIndex(slides, { kind: "down", machineId: 12 })).toBe(3);
    expect(slideIndex(slidesOf({ ...view, down: [] }), { kind: "down", machineId: 12 })).toBe(0);
    expect(slideIndex(slides, { kind: "broadcast", id: 9 })).toBe(2);
  });
});

describe("a screen offline", () => {
  it("says so, with the time its data was last known current, once that is over a minute ago", () => {
    const at = Date.UTC(2026, 10, 23, 15, 32);
    expect(offlineSince(at, at + STALE_AFTER_MS)).toBeNull();
    expect(offlineSince(at, at + STALE_AFTER_MS + 1)).toBe(at);
    expect(STALE_AFTER_MS).toBe(60_000);
  });
});
