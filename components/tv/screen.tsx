"use client";

import { useEffect, useState } from "react";
import { formatTime } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n";
import { offlineSince, slideDuration, slideIndex, slidesOf, type Slide } from "@/lib/tv/rotation";
import type { ScreenView } from "@/lib/tv/screen";
import { ScreenBoard, ScreenCounts, type ScreenWords } from "./board";
import { RevokedScreen } from "./revoked";
import { BroadcastSlide, DownSlide } from "./slides";
import { useScreenSocket, useWakeLock } from "./use-screen-socket";

/** How often the clock, the durations and the staleness are looked at again (no read: the page's own clock). */
const TICK_MS = 10_000;

interface TvScreenProps {
  /** The link's secret: the screen's only key, to its socket and its reads. */
  secret: string;
  initial: ScreenView;
  locale: Locale;
  timeZone: string;
  words: ScreenWords;
}

/**
 * A shop screen: what it shows follows every change through the conversation hub
 * (its socket hears "tickets", "screens" and "presence", lib/messages/live.ts),
 * with no polling. It reconnects by itself after a cut, and says since when it is
 * offline once its data is over a minute old. Nothing to touch: it rotates between
 * its dashboard, the broadcasts and the machines down on its own.
 */
export function TvScreen({ secret, initial, locale, timeZone, words }: TvScreenProps) {
  const [view, setView] = useState(initial);
  const [revoked, setRevoked] = useState(false);
  // The server's moment first, so the page renders on the client as it did on the server; then the clock's.
  const [now, setNow] = useState(initial.readAt);
  // When the data shown was last known current: a read, or a pong with no change heard since the last read.
  const [currentAt, setCurrentAt] = useState(initial.readAt);
  const live = useScreenSocket(secret, !revoked, { onView: setView, onRevoked: () => setRevoked(true), onCurrent: setCurrentAt, nextChangeAt: view.nextChangeAt });

  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, TICK_MS);
    const first = setTimeout(tick);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, []);
  useWakeLock();

  const slides = slidesOf(view);
  const [slide, setSlide] = useState<Slide>({ kind: "board" });
  const index = slideIndex(slides, slide);
  const shown = slides[index]!;
  // By value: every read makes new slides, and the timer must restart only when the slide shown, or the next, changes.
  const shownKey = JSON.stringify(shown);
  const nextKey = JSON.stringify(slides[(index + 1) % slides.length]);
  const duration = slideDuration(shown, view);
  useEffect(() => {
    const timer = setTimeout(() => setSlide(JSON.parse(nextKey) as Slide), duration);
    return () => clearTimeout(timer);
  }, [shownKey, nextKey, duration]);

  if (revoked) return <RevokedScreen locale={locale} words={words} />;
  const offline = offlineSince(currentAt, now);
  const clock = { now, locale, timeZone };
  const broadcast = shown.kind === "broadcast" ? view.broadcasts.find((b) => b.id === shown.id) : undefined;
  const down = shown.kind === "down" ? view.down.find((d) => d.machineId === shown.machineId) : undefined;

  return (
    <div lang={locale} className="tv-screen flex h-dvh flex-col overflow-hidden bg-slate-950 text-slate-50" data-live={live ? "open" : "closed"}>
      <header className="flex items-center gap-[1.5rem] border-b border-slate-800 px-[1.2rem] py-[0.5rem]">
        <h1 className="max-w-[14rem] truncate text-[1.1rem] font-bold">{view.company}</h1>
        <OnShift names={view.onShift} words={words} />
        <p className="text-[2rem] leading-none font-bold tabular-nums" data-testid="tv-clock">
          {formatTime(new Date(now), locale, timeZone)}
        </p>
      </header>
      {offline !== null && (
        <div role="status" className="bg-amber-400 px-[1.2rem] py-[0.4rem] text-slate-950" data-testid="tv-offline">
          <p className="text-[1.4rem] font-bold">{format(words.offline, { time: formatTime(new Date(offline), locale, timeZone) })}</p>
          <p className="text-[0.9rem]">{format(words.offlineHelp, { time: formatTime(new Date(offline), locale, timeZone) })}</p>
        </div>
      )}
      <main id="main" className={`min-h-0 flex-1 px-[1.2rem] py-[0.8rem] ${offline !== null ? "opacity-40 grayscale" : ""}`}>
        {broadcast ? <BroadcastSlide broadcast={broadcast} words={words} /> : down ? <DownSlide down={down} clock={clock} words={words} /> : <ScreenBoard view={view} clock={clock} words={words} />}
      </main>
      <footer className="flex items-center gap-[1rem] border-t border-slate-800 px-[1.2rem] py-[0.5rem]">
        <ScreenCounts counts={view.counts} words={words} />
        {slides.length > 1 && (
          <p className="flex shrink-0 gap-[0.3rem]">
            <span className="sr-only">{format(words.slides, { index: index + 1, count: slides.length })}</span>
            {slides.map((s, i) => (
              <span key={i} aria-hidden="true" className={`block size-[0.5rem] rounded-full ${i === index ? "bg-white" : "bg-slate-600"}`} />
            ))}
          </p>
        )}
      </footer>
    </div>
  );
}

function OnShift({ names, words }: { names: string[]; words: ScreenWords }) {
  return (
    <section aria-label={words.onShift} className="flex min-w-0 flex-1 items-center gap-[0.8rem]" data-testid="tv-on-shift">
      <p className="shrink-0 text-[0.9rem] font-semibold text-slate-300 uppercase">{words.onShift}</p>
      {names.length === 0 ? (
        <p className="text-[1rem] text-slate-400">{words.nobodyOnShift}</p>
      ) : (
        <ul className="flex min-w-0 flex-wrap gap-x-[1rem] overflow-hidden">
          {names.map((name) => (
            <li key={name} className="flex items-center gap-[0.35rem] text-[1.1rem] font-semibold whitespace-nowrap">
              <svg aria-hidden="true" viewBox="0 0 10 10" className="size-[0.55rem] shrink-0">
                <circle cx="5" cy="5" r="5" className="fill-green-400" />
              </svg>
              {name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
