"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { utcToWallTime } from "@/lib/factory-time";
import { formatDateTime, formatTime } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import { useOffline } from "./offline-provider";

/** The mark never changes while the document lives: nothing to watch. */
const markedOnce = () => () => {};

/**
 * Says when the page is not live: a copy the service worker kept, opened without a
 * network ("Hors ligne — à jour à 10 h 32", the copy's time on the factory's clock;
 * public/sw.js marks it on <html>), or a live page whose network just went.
 */
export function OfflineNotice() {
  const offline = useOffline();
  const router = useRouter();
  const stamp = useSyncExternalStore(markedOnce, () => document.documentElement.dataset.offlineCopy ?? "", () => "");
  // Back online, a kept copy is brought up to date: the page renders again from the server.
  const [renewed, setRenewed] = useState(false);
  useEffect(() => {
    if (!stamp) return;
    const back = () => {
      setRenewed(true);
      router.refresh();
    };
    window.addEventListener("online", back);
    return () => window.removeEventListener("online", back);
  }, [stamp, router]);

  const copyAt = stamp && !renewed ? new Date(stamp) : null;
  const online = offline?.online ?? true;
  if (!offline || (online && !copyAt)) return null;
  const { words, locale, timeZone } = offline;
  let text = words.offline;
  if (copyAt && !Number.isNaN(copyAt.getTime())) {
    const today = utcToWallTime(copyAt, timeZone).date === utcToWallTime(new Date(), timeZone).date;
    text = today ? format(words.copy, { time: formatTime(copyAt, locale, timeZone) }) : format(words.copyOn, { when: formatDateTime(copyAt, locale, timeZone) });
  }
  return (
    <p role="status" data-testid="offline-notice" className="mb-3 flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M2 2l20 20M8.5 16.5a5 5 0 0 1 7 0M5 12.9a10 10 0 0 1 5.2-2.8M19 12.9a10 10 0 0 0-2.2-1.5M2 8.8a15 15 0 0 1 4.2-2.7M22 8.8A15 15 0 0 0 10.7 5M12 20h.01" />
      </svg>
      <span>{text}</span>
    </p>
  );
}
