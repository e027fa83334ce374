"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent } from "@/lib/messages/live";
import { LIVE_CLOSE, LIVE_PATH } from "@/lib/messages/model";
import type { ScreenView } from "@/lib/tv/screen";

/** Pings prove the socket alive; a socket that stops answering is closed and opened again. */
const PING_MS = 15_000;
const DEAD_AFTER_MS = 35_000;
const MAX_BACKOFF_MS = 15_000;
/** A change often comes with its twin (J'y vais takes, then starts): one read for a burst. */
const READ_DEBOUNCE_MS = 250;

interface SocketHandlers {
  onView(view: ScreenView): void;
  onRevoked(): void;
  /** The data shown is known current as of this moment. */
  onCurrent(at: number): void;
  /** Read again then, with no one acting: a ticket falls overdue, the day ends, a broadcast starts or ends. */
  nextChangeAt: number | null;
}

/** The screen's socket and its reads, while `enabled` (a revoked link opens nothing more); returns whether the socket is open. */
export function useScreenSocket(secret: string, enabled: boolean, handlers: SocketHandlers): boolean {
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
export function useWakeLock() {
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
