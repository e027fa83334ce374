"use client";

import { useEffect, useEffectEvent, useLayoutEffect, useRef, useTransition } from "react";

/**
 * Loads the page before the first message when the top of the conversation comes
 * into view (an IntersectionObserver on `sentinel`) or when the "older" button is
 * used, and keeps what the reader was looking at in place: the page grows above
 * it, so the window scrolls down by exactly what was added.
 */
export function useOlderMessages(load: () => Promise<void>, hasMore: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [loading, startLoading] = useTransition();
  const anchor = useRef<{ height: number; y: number } | null>(null);

  function loadOlder() {
    if (loading || anchor.current) return;
    anchor.current = { height: document.documentElement.scrollHeight, y: window.scrollY };
    // The transition commits the added messages with `loading` back to false: the layout effect below then measures them.
    startLoading(load);
  }

  useLayoutEffect(() => {
    if (loading || !anchor.current) return;
    const { height, y } = anchor.current;
    anchor.current = null;
    window.scrollTo({ top: y + document.documentElement.scrollHeight - height, behavior: "instant" });
  }, [loading]);

  const onTopInView = useEffectEvent(loadOlder);
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onTopInView();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore]);

  return { sentinel, loading, loadOlder };
}
