// What a shop screen shows in turn, and for how long: its dashboard, then each
// broadcast showing (the urgent ones longer), then an alert for each machine down,
// until the machine runs again; and when its data is too old to show as current.
// Pure: the page (components/tv/screen.tsx) runs it, the unit tests read it.
import type { ScreenView } from "./screen";

export type Slide = { kind: "board" } | { kind: "broadcast"; id: number } | { kind: "down"; machineId: number };

export const SLIDE_MS = { board: 30_000, broadcast: 12_000, urgent: 20_000, down: 10_000 } as const;

/** Past this without proof that nothing changed (the socket's pong, a read), the screen says since when it is offline. */
export const STALE_AFTER_MS = 60_000;

export function slidesOf(view: Pick<ScreenView, "broadcasts" | "down">): Slide[] {
  return [
    { kind: "board" },
    ...view.broadcasts.map((b): Slide => ({ kind: "broadcast", id: b.id })),
    ...view.down.map((d): Slide => ({ kind: "down", machineId: d.machineId })),
  ];
}

const sameSlide = (a: Slide, b: Slide) =>
  a.kind === b.kind && (a.kind !== "broadcast" || a.id === (b as typeof a).id) && (a.kind !== "down" || a.machineId === (b as typeof a).machineId);

/** Where a slide is among the slides, or the dashboard's place when it is gone (a broadcast ended, a machine runs again). */
export function slideIndex(slides: Slide[], slide: Slide): number {
  return Math.max(0, slides.findIndex((s) => sameSlide(s, slide)));
}

export function slideDuration(slide: Slide, view: Pick<ScreenView, "broadcasts">): number {
  if (slide.kind !== "broadcast") return SLIDE_MS[slide.kind];
  return view.broadcasts.find((b) => b.id === slide.id)?.urgency === "urgent" ? SLIDE_MS.urgent : SLIDE_MS.broadcast;
}

/** The moment the screen's data stopped being known current, once that is more than STALE_AFTER_MS ago; else null. */
export function offlineSince(currentAt: number, now: number): number | null {
  return now - currentAt > STALE_AFTER_MS ? currentAt : null;
}
