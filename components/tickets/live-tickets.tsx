"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { useLiveEvents } from "@/components/messages/live-provider";

/** A move often comes with its twin (J'y vais takes, then starts): one render for a burst. */
const DEBOUNCE_MS = 250;

// What holds a live render back, in this tab: a card in the hand, a move on its way.
// A render under a dragged card would move it under the finger; under a move on its
// way, the card would jump back until the answer came. The render runs when the last hold ends.
const holds = new Set<object>();
let held: (() => void) | null = null;

/** While `active`, a live render waits; it runs once nothing holds it any more. */
export function useHoldLiveTickets(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const hold = {};
    holds.add(hold);
    return () => {
      holds.delete(hold);
      if (holds.size || !held) return;
      const run = held;
      held = null;
      run();
    };
  }, [active]);
}

/**
 * Mounted by a page that shows tickets (the board, a person's work): when a ticket
 * changes anywhere, the page renders again on the server, as it was loaded (with the
 * reader's rights), and React keeps what is on screen that did not change: scroll,
 * focus, a typed search, an open menu. Also on every (re)connection of the tab's
 * socket, for what changed while it was closed. No polling: nothing happens while
 * nothing changes.
 */
export function LiveTickets() {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const render = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const run = () => startTransition(() => router.refresh());
      if (holds.size) held = run;
      else run();
    }, DEBOUNCE_MS);
  };
  useLiveEvents((event) => {
    if (event.type === "tickets") render();
  }, render);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      held = null;
    },
    [],
  );
  return null;
}
