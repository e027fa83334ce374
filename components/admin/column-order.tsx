"use client";

import { useEffect, useState } from "react";
import { moveColumnAction } from "@/app/(admin)/admin/settings/columns/actions";
import { ActionButton } from "@/components/ui/action-button";

interface ColumnOrderProps {
  id: number;
  /** Its place on the board (0 first): a move renders the list again with a new one. */
  index: number;
  last: boolean;
  labels: { up: string; down: string; upLabel: string; downLabel: string; moving: string };
}

type Direction = "up" | "down";

const buttonId = (id: number, direction: Direction) => `column-${id}-${direction}`;
/** A press older than this is not what moved the column (it was refused, and another column moved since). */
const PRESS_MS = 15_000;

/**
 * "Monter" and "Descendre": one place along the board per press, by finger or
 * keyboard (no dragging). The list renders again in its new order, which can take
 * the focus away (the browser drops it from a moved element); it comes back to the
 * button pressed, or its twin once the column reached an end, so a keyboard user
 * can press again.
 */
export function ColumnOrder({ id, index, last, labels }: ColumnOrderProps) {
  // The last press and the place the column was in then: once its place changed, the focus goes back.
  const [press, setPress] = useState<{ direction: Direction; at: number; index: number } | null>(null);
  useEffect(() => {
    if (!press || press.index === index || Date.now() - press.at > PRESS_MS) return;
    const twin = press.direction === "up" ? "down" : "up";
    const element = document.getElementById(buttonId(id, press.direction)) ?? document.getElementById(buttonId(id, twin));
    element?.querySelector("button")?.focus();
  }, [id, index, press]);
  const shown: Direction[] = [...(index > 0 ? (["up"] as const) : []), ...(last ? [] : (["down"] as const))];
  return shown.map((direction) => (
    <div key={direction} id={buttonId(id, direction)} onClickCapture={() => setPress({ direction, at: Date.now(), index })}>
      <ActionButton
        action={moveColumnAction.bind(null, { id, direction })}
        label={direction === "up" ? labels.up : labels.down}
        pendingLabel={labels.moving}
        aria-label={direction === "up" ? labels.upLabel : labels.downLabel}
        className="btn-secondary min-h-11"
      />
    </div>
  ));
}
