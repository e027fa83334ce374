"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

/** A touch lifts a card only after this long a press on its handle, so a swipe still scrolls. */
const PRESS_MS = 250;
/** Mouse and pen: the press becomes a drag past this distance; touch: moving this far before the press ends cancels it. */
const SLOP_PX = 8;
/** The board scrolls when the pointer rests this close to its edge, after DWELL_MS, at most MAX_SPEED px/s. */
const EDGE_PX = 28;
const DWELL_MS = 400;
const MAX_SPEED = 500;

export interface DragState {
  id: number;
  /** Under the pointer, or null outside every column. */
  over: string | null;
  /** The card's width, for the lifted copy that follows the pointer. */
  width: number;
}

interface Drag {
  id: number;
  pointerId: number;
  pointerType: string;
  source: HTMLElement;
  start: { x: number; y: number };
  at: { x: number; y: number };
  /** Where the card was grabbed, so the lifted card stays under the pointer at the same spot. */
  grab: { x: number; y: number };
  started: boolean;
  press?: number;
  over: string | null;
  edgeSince: number | null;
  frame?: number;
  lastFrame?: number;
  board: HTMLElement | null;
  snap: string;
  /** Whether resting at the board's side scrolls it to the next column (not on a phone's one-column board). */
  sideways: boolean;
}

function columnAt(x: number, y: number): string | null {
  return document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-column]")?.dataset.column ?? null;
}

/** Near an edge, after a rest, at a bounded speed: a finger crossing to the next column does not fling the board. */
function autoScroll(d: Drag, time: number) {
  if (!d.started) return;
  const elapsed = d.lastFrame ? Math.min(time - d.lastFrame, 50) : 0;
  d.lastFrame = time;
  const rect = d.board?.getBoundingClientRect();
  let dx = 0;
  let dy = 0;
  if (rect && d.sideways) {
    if (d.at.x < rect.left + EDGE_PX) dx = -(rect.left + EDGE_PX - d.at.x) / EDGE_PX;
    else if (d.at.x > rect.right - EDGE_PX) dx = (d.at.x - (rect.right - EDGE_PX)) / EDGE_PX;
  }
  if (d.at.y < EDGE_PX) dy = -(EDGE_PX - d.at.y) / EDGE_PX;
  else if (d.at.y > window.innerHeight - EDGE_PX) dy = (d.at.y - (window.innerHeight - EDGE_PX)) / EDGE_PX;
  // Resting on a drop target beside the board (a phone's tab, stuck at the top) is aiming there, not asking to scroll.
  const target = document.elementFromPoint(d.at.x, d.at.y)?.closest("[data-column]");
  if (target && d.board && !d.board.contains(target)) dx = dy = 0;
  if (!dx && !dy) d.edgeSince = null;
  else if (d.edgeSince === null) d.edgeSince = time;
  else if (time - d.edgeSince >= DWELL_MS) {
    // Deeper into the edge is faster, from a third of the top speed (smaller steps round to nothing) up to it.
    const speed = (depth: number) => Math.sign(depth) * Math.max(1 / 3, Math.min(1, Math.abs(depth))) * ((MAX_SPEED * elapsed) / 1000);
    if (dx && d.board) d.board.scrollLeft += speed(dx);
    if (dy) window.scrollBy(0, speed(dy));
  }
  d.frame = requestAnimationFrame((next) => autoScroll(d, next));
}

/**
 * Moving a card with a mouse, a pen or a finger, through pointer events only
 * (HTML5 drag and drop is mouse-only on phones and, in Chromium, picks the
 * dragged element again after the page scrolls). The card is the one pressed,
 * by id; it moves only if the pointer is released over a column (or a phone's
 * tab for one: anything marked data-column); a lifted card
 * follows the pointer (the ghost); a finger lifts it by a short press on its handle.
 */
export function useBoardDrag(enabled: boolean, onDrop: (id: number, column: string, pointerType: string) => void, { sideways }: { sideways: boolean }) {
  const [state, setState] = useState<DragState | null>(null);
  const drag = useRef<Drag | null>(null);
  const ghost = useRef<HTMLDivElement | null>(null);
  const drop = useRef(onDrop);
  useEffect(() => {
    drop.current = onDrop;
  }, [onDrop]);

  const place = useCallback(() => {
    const d = drag.current;
    if (d?.started && ghost.current) ghost.current.style.transform = `translate(${d.at.x - d.grab.x}px, ${d.at.y - d.grab.y}px)`;
  }, []);

  const hover = useCallback(() => {
    const d = drag.current;
    if (!d?.started) return;
    const over = columnAt(d.at.x, d.at.y);
    if (over !== d.over) {
      d.over = over;
      setState({ id: d.id, over, width: d.source.offsetWidth });
    }
  }, []);

  const end = useCallback(() => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    window.clearTimeout(d.press);
    if (d.frame) cancelAnimationFrame(d.frame);
    if (d.board) d.board.style.scrollSnapType = d.snap;
    document.documentElement.style.userSelect = "";
    setState(null);
  }, []);

  const lift = useCallback(() => {
    const d = drag.current;
    if (!d || d.started) return;
    d.started = true;
    // The lifted copy shows only the number and title: keep the pointer on it wherever the card was grabbed.
    d.grab.y = Math.min(d.grab.y, 24);
    d.board = d.source.closest<HTMLElement>("[data-board]");
    // Snap points would turn each small scroll into a jump of a whole column.
    if (d.board) {
      d.snap = d.board.style.scrollSnapType;
      d.board.style.scrollSnapType = "none";
    }
    document.documentElement.style.userSelect = "none";
    window.getSelection()?.removeAllRanges();
    d.over = columnAt(d.at.x, d.at.y);
    setState({ id: d.id, over: d.over, width: d.source.offsetWidth });
    d.frame = requestAnimationFrame((time) => autoScroll(d, time));
  }, []);

  useLayoutEffect(() => {
    if (!state) return;
    // The ghost mounts with the state: put it under the pointer before it paints.
    place();
  }, [state, place]);

  useEffect(() => {
    function move(event: PointerEvent) {
      const d = drag.current;
      if (!d || event.pointerId !== d.pointerId) return;
      d.at = { x: event.clientX, y: event.clientY };
      const distance = Math.hypot(d.at.x - d.start.x, d.at.y - d.start.y);
      if (!d.started) {
        if (d.pointerType === "mouse") {
          if (distance > SLOP_PX) lift();
        } else if (distance > SLOP_PX) end();
        return;
      }
      event.preventDefault();
      place();
      hover();
    }
    function up(event: PointerEvent) {
      const d = drag.current;
      if (!d || event.pointerId !== d.pointerId) return;
      const started = d.started;
      const column = started ? columnAt(event.clientX, event.clientY) : null;
      end();
      if (!started) return;
      // The click that follows a mouse drag must not open the card's link.
      const swallow = (click: MouseEvent) => (click.preventDefault(), click.stopPropagation());
      window.addEventListener("click", swallow, { capture: true, once: true });
      window.setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
      if (column) drop.current(d.id, column, d.pointerType);
    }
    function cancel(event: PointerEvent) {
      if (drag.current && event.pointerId === drag.current.pointerId) end();
    }
    // The wheel scrolls the page under a held card: the column under the pointer changes without a pointer move.
    function scrolled() {
      hover();
    }
    function key(event: KeyboardEvent) {
      if (event.key === "Escape" && drag.current?.started) {
        event.preventDefault();
        end();
      }
    }
    window.addEventListener("pointermove", move, { passive: false });
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", cancel);
    window.addEventListener("scroll", scrolled, { capture: true, passive: true });
    window.addEventListener("keydown", key);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", cancel);
      window.removeEventListener("scroll", scrolled, { capture: true });
      window.removeEventListener("keydown", key);
      end();
    };
  }, [end, hover, lift, place]);

  /** Spread on a card: a mouse drags it from anywhere but its controls; a finger or a pen from its handle, after a short press. */
  const handlers = useCallback(
    (id: number) => ({
      onPointerDown(event: React.PointerEvent<HTMLElement>) {
        if (!enabled || drag.current || !event.isPrimary) return;
        const target = event.target as HTMLElement;
        const mouse = event.pointerType === "mouse";
        if (mouse ? event.button !== 0 || target.closest("button, [role=menu], input, select, textarea") : !target.closest("[data-drag-handle]")) return;
        const source = event.currentTarget;
        const box = source.getBoundingClientRect();
        const at = { x: event.clientX, y: event.clientY };
        drag.current = {
          id,
          pointerId: event.pointerId,
          pointerType: event.pointerType,
          source,
          start: at,
          at,
          grab: { x: at.x - box.left, y: at.y - box.top },
          started: false,
          over: null,
          edgeSince: null,
          board: null,
          snap: "",
          sideways,
        };
        if (!mouse) {
          event.preventDefault();
          drag.current.press = window.setTimeout(lift, PRESS_MS);
        }
      },
      // Links and images are natively draggable: a native drag would take the pointer events away.
      onDragStart(event: React.DragEvent<HTMLElement>) {
        event.preventDefault();
      },
    }),
    [enabled, lift, sideways],
  );

  return { drag: state, ghost, handlers };
}
