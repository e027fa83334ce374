"use client";

import { useEffect, useRef, useState } from "react";
import { formatTime } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n";
import type { LiveEvent } from "@/lib/messages/live";
import { LIVE_CLOSE, LIVE_PATH } from "@/lib/messages/model";
import { offlineSince, slideDuration, slideIndex, slidesOf, type Slide } from "@/lib/tv/rotation";
import type { ScreenView } from "@/lib/tv/screen";
import { ScreenBoard, ScreenCounts, type ScreenWords } from "./board";
import { RevokedScreen } from "./revoked";
import { BroadcastSlide, DownSlide } from "./slides";

/** Pings prove the socket alive; a socket that stops answering is closed and opened again. */
const PING_MS = 15_000;
const DEAD_AFTER_MS = 35_000;
const MAX_BACKOFF_MS = 15_000;
/** A change often comes with its twin (J'y vais takes, then starts): one read for a burst. */
const READ_DEBOUNCE_MS = 250;
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
          <p aria-label={format(words.slides, { index: index + 1, count: slides.length })} className="flex shrink-0 gap-[0.3rem]">
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

interface SocketHandlers {
  onView(view: ScreenView): void;
  onRevoked(): void;
  /** The data shown is known current as of this moment. */
  onCurrent(at: number): void;
  /** Read again then, with no one acting: a ticket falls overdue, the day ends, a broadcast starts or ends. */
  nextChangeAt: number | null;
}

/** The screen's socket and its reads, while `enabled` (a revoked link opens nothing more); returns whether the socket is open. */
function useScreenSocket(secret: string, enabled: boolean, handlers: SocketHandlers): boolean {
  const [open, setOpen] = useState(false);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  /** Reads what the screen shows now; set by the socket's effect, used by the timer below. */
  const readNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    let readTimer: ReturnType<typeof setTimeout> | undefined;
    let lastPong = 0;
    let attempts = 0;
    let stopped = false;
    // A change heard and not yet read: pongs no longer prove the data current.
    let changedAt: number | null = null;

    async function read() {
      const started = Date.now();
      try {
        const response = await fetch(`/tv/${encodeURIComponent(secret)}/read`, { cache: "no-store" });
        if (stopped) return;
        if (response.status === 404 || response.status === 410) return latest.current.onRevoked();
        if (!response.ok) throw new Error(String(response.status));
        latest.current.onView((await response.json()) as ScreenView);
        if (changedAt === null || changedAt <= started) {
          changedAt = null;
          latest.current.onCurrent(started);
        }
      } catch {
        // Refused for now with the socket open (a change was heard): tried again shortly. With the
        // socket closed, its next opening reads it: no loop of reads while the network is gone.
        if (stopped || !socket || socket.readyState !== WebSocket.OPEN) return;
        readSoon(5_000);
      }
    }
    function readSoon(delay = READ_DEBOUNCE_MS) {
      clearTimeout(readTimer);
      readTimer = setTimeout(() => void read(), delay);
    }
    readNow.current = () => void read();

    function connect() {
      if (stopped) return;
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      const opened = new WebSocket(`${scheme}//${location.host}${LIVE_PATH}?screen=${encodeURIComponent(secret)}`);
      socket = opened;
      opened.onopen = () => {
        attempts = 0;
        lastPong = Date.now();
        setOpen(true);
        // What changed while it was closed.
        void read();
        ping = setInterval(() => {
          // No answer to the last pings: the network is gone without a word (a cut cable, a switch).
          if (Date.now() - lastPong > DEAD_AFTER_MS) return opened.close();
          opened.send("ping");
        }, PING_MS);
      };
      opened.onmessage = (message) => {
        if (message.data === "pong") {
          lastPong = Date.now();
          if (changedAt === null) latest.current.onCurrent(lastPong);
          return;
        }
        let event: LiveEvent;
        try {
          event = JSON.parse(String(message.data)) as LiveEvent;
        } catch {
          return;
        }
        if (event.type === "tickets" || event.type === "screens" || event.type === "presence") {
          changedAt ??= Date.now();
          readSoon();
        }
      };
      opened.onclose = (event) => {
        clearInterval(ping);
        if (socket === opened) socket = null;
        setOpen(false);
        if (stopped) return;
        if (event.code === LIVE_CLOSE.screenRevoked) return latest.current.onRevoked();
        // Refused (a link revoked before it opened) or cut: the read says which, and the socket is tried again.
        void read();
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts) * (0.75 + Math.random() / 2);
        attempts++;
        retry = setTimeout(connect, delay);
      };
    }

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(ping);
      clearTimeout(readTimer);
      readNow.current = () => undefined;
      socket?.close();
    };
  }, [enabled, secret]);

  // A known moment the screen changes by itself: one read then (a timer, not polling).
  const { nextChangeAt } = handlers;
  useEffect(() => {
    if (!enabled || nextChangeAt === null) return;
    const timer = setTimeout(() => readNow.current(), Math.min(Math.max(0, nextChangeAt - Date.now()) + 1_000, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [enabled, nextChangeAt]);

  return open;
}

/** A TV's browser must not dim or sleep while it shows the shop: asked for while visible, where the browser offers it. */
function useWakeLock() {
  useEffect(() => {
    let lock: WakeLockSentinel | null = null;
    const request = () => {
      if (document.visibilityState !== "visible" || !("wakeLock" in navigator)) return;
      navigator.wakeLock.request("screen").then(
        (sentinel) => (lock = sentinel),
        () => undefined, // Refused (no https, a browser policy): the TV's own settings decide.
      );
    };
    request();
    document.addEventListener("visibilitychange", request);
    return () => {
      document.removeEventListener("visibilitychange", request);
      void lock?.release();
    };
  }, []);
}
