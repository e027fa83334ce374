"use client";

import { useRef } from "react";

/**
 * Dragging with a finger or a pen (HTML5 drag and drop is mouse-only on most phones):
 * follows the pointer, reports the column under it, scrolls the board near its edges.
 */
export function useTouchDrag(onHover: (column: string | null) => void, onDrop: (id: number, column: string) => void) {
  const dragging = useRef<{ id: number; column: string | null } | null>(null);

  function columnAt(x: number, y: number): string | null {
    const element = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-column]");
    return element?.dataset.column ?? null;
  }

  return (id: number) => ({
    onPointerDown(event: React.PointerEvent<HTMLElement>) {
      if (event.pointerType === "mouse") return;
      event.currentTarget.setPointerCapture(event.pointerId);
      dragging.current = { id, column: null };
    },
    onPointerMove(event: React.PointerEvent<HTMLElement>) {
      if (!dragging.current) return;
      const column = columnAt(event.clientX, event.clientY);
      dragging.current.column = column;
      onHover(column);
      const scroller = event.currentTarget.closest<HTMLElement>("[data-board]");
      if (scroller) {
        const { left, right } = scroller.getBoundingClientRect();
        if (event.clientX < left + 40) scroller.scrollBy({ left: -24 });
        else if (event.clientX > right - 40) scroller.scrollBy({ left: 24 });
      }
    },
    onPointerUp() {
      const drag = dragging.current;
      dragging.current = null;
      onHover(null);
      if (drag?.column) onDrop(drag.id, drag.column);
    },
    onPointerCancel() {
      dragging.current = null;
      onHover(null);
    },
  });
}
