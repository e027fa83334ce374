"use client";

import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useTransition } from "react";
import { useLiveEvents } from "@/components/messages/live-provider";

/** A move often comes with its twin (J'y vais takes, then starts): one read for a burst. */
const DEBOUNCE_MS = 250;

/**
 * Calls `reload` when a ticket changed anywhere (the "tickets" event, lib/tickets/live.ts),
 * and when the tab's socket (re)opens, for what changed while it was closed. No polling:
 * nothing happens while nothing changes. While `held` (a card in the hand, a move on its
 * way), the reload waits, and runs once when it is let go.
 */
export function useTicketsChanged(reload: () => void, held: boolean): void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const state = useRef({ reload, held, waiting: false });
  useLayoutEffect(() => {
    state.current.reload = reload;
    state.current.held = held;
  });
  const changed = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (state.current.held) state.current.waiting = true;
      else state.current.reload();
    }, DEBOUNCE_MS);
  };
  useLiveEvents((event) => {
    if (event.type === "tickets") changed();
  }, changed);

  useEffect(() => {
    if (held || !state.current.waiting) return;
    state.current.waiting = false;
    state.current.reload();
  }, [held]);
  useEffect(() => () => clearTimeout(timer.current), []);
}

/**
 * For a page that shows tickets and has no read of its own: renders it again on the
 * server (router.refresh), keeping what is on screen that did not change. The cost:
 * a refresh empties Next's router cache, and Next 16 then prefetches again every
 * prefetching link on screen (vercel/next.js#93210): one request each, per change
 * anywhere in the plant. So the links such a page renders say prefetch={false} (the
 * homes, components/home/*, and the navigation, components/shell/nav-link.tsx: no route
 * has a loading.tsx, so a prefetch bought little). A page with many links of its own
 * reads its data through a GET route instead, with useTicketsChanged, as the board does
 * (lib/tickets/board-view.ts).
 */
export function LiveTickets() {
  const router = useRouter();
  const [, startTransition] = useTransition();
  useTicketsChanged(() => startTransition(() => router.refresh()), false);
  return null;
}
