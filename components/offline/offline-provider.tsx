"use client";

import { usePathname, useRouter } from "next/navigation";
import { createContext, use, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from "react";
import type { Locale, Messages } from "@/lib/i18n";
import type { OutboxBroadcast, OutboxEntry, SentEntry } from "@/lib/offline/outbox";
import { tellWorker } from "./outbox";

export type OfflineWords = Messages["offline"];

interface OfflineContextValue {
  owner: number;
  locale: Locale;
  timeZone: string;
  words: OfflineWords;
  /** The signed-in person's kept actions, oldest first. */
  entries: OutboxEntry[];
  /** Sent from this tab's pages since it opened, newest last. */
  sent: SentEntry[];
  online: boolean;
}

function watchNetwork(changed: () => void): () => void {
  window.addEventListener("online", changed);
  window.addEventListener("offline", changed);
  return () => {
    window.removeEventListener("online", changed);
    window.removeEventListener("offline", changed);
  };
}

const OfflineContext = createContext<OfflineContextValue | null>(null);

/** The outbox and the words to show it; null outside the app shell. */
export function useOffline(): OfflineContextValue | null {
  return use(OfflineContext);
}

interface OfflineProviderProps {
  owner: number;
  locale: Locale;
  timeZone: string;
  words: OfflineWords;
  children: React.ReactNode;
}

/**
 * Rendered by the app shell on every signed-in page: tells the service worker who
 * is signed in (it keeps pages and actions per person), which page was opened (it
 * keeps a copy), and to send what waits when the page opens or the network returns;
 * and hears what it holds and what it sent, so the page shows it (and renders again
 * once something it shows was written).
 */
export function OfflineProvider({ owner, locale, timeZone, words, children }: OfflineProviderProps) {
  const router = useRouter();
  const path = usePathname();
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [sent, setSent] = useState<SentEntry[]>([]);
  const online = useSyncExternalStore(watchNetwork, () => navigator.onLine, () => true);
  // The worker handles messages side by side: who is signed in must be settled before anything it keeps for them.
  const told = useRef<Promise<unknown>>(Promise.resolve());

  const heard = useEffectEvent((message: OutboxBroadcast) => {
    setEntries(message.entries.filter((entry) => entry.owner === String(owner)));
    if (!message.sent.length) return;
    setSent((current) => [...current, ...message.sent]);
    router.refresh();
  });

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const listen = (event: MessageEvent) => {
      if ((event.data as OutboxBroadcast | null)?.type === "outbox") heard(event.data as OutboxBroadcast);
    };
    navigator.serviceWorker.addEventListener("message", listen);
    navigator.serviceWorker.startMessages();
    // The next visit sends what waits, in this order: who is signed in first.
    told.current = tellWorker({ type: "session", userId: owner, locale });
    void told.current.then(() => tellWorker({ type: "outbox-flush" }));
    // Back online: what waits goes now, where the browser has no Background Sync (or before it fires).
    const back = () => void tellWorker({ type: "outbox-flush" });
    window.addEventListener("online", back);
    return () => {
      navigator.serviceWorker.removeEventListener("message", listen);
      window.removeEventListener("online", back);
    };
  }, [owner, locale]);

  // A page opened inside the app (no page load the worker could keep): kept by the worker, as a page load would be.
  useEffect(() => {
    if (navigator.onLine) void told.current.then(() => tellWorker({ type: "seen", path }));
  }, [path]);

  return <OfflineContext value={{ owner, locale, timeZone, words, entries, sent, online }}>{children}</OfflineContext>;
}
