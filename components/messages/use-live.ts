"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { openLiveSocketAction } from "@/app/(app)/messages/actions";
import type { LiveEvent } from "@/lib/messages/live";
import { LIVE_PATH } from "@/lib/messages/model";

const PING_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The page's live socket: opened with a fresh token, reconnected with
 * exponential backoff when it cannot open or drops. `onOpen` runs on every
 * (re)connection so the page catches up from D1 on what it missed meanwhile.
 * Returns whether the socket is open.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, onOpen: () => void): boolean {
  const [online, setOnline] = useState(true);
  const handleEvent = useEffectEvent(onEvent);
  const handleOpen = useEffectEvent(onOpen);

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    let attempts = 0;
    let stopped = false;

    function later() {
      if (stopped) return;
      setOnline(false);
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts) * (0.75 + Math.random() / 2);
      attempts++;
      retry = setTimeout(connect, delay);
    }

    async function connect() {
      let token: string;
      try {
        const result = await openLiveSocketAction({});
        if (!result.ok) return later();
        token = result.data.token;
      } catch {
        return later();
      }
      if (stopped) return;
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(`${scheme}//${location.host}${LIVE_PATH}?token=${encodeURIComponent(token)}`);
      socket.onopen = () => {
        attempts = 0;
        setOnline(true);
        handleOpen();
        ping = setInterval(() => socket?.send("ping"), PING_MS);
      };
      socket.onmessage = (message) => {
        if (message.data === "pong") return;
        try {
          handleEvent(JSON.parse(String(message.data)) as LiveEvent);
        } catch {
          // Not an event of ours.
        }
      };
      socket.onclose = (event) => {
        clearInterval(ping);
        socket = null;
        // 4001: the account was deactivated; the next page load signs the user out.
        if (event.code === 4001) return setOnline(false);
        later();
      };
    }

    void connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(ping);
      socket?.close();
    };
  }, []);

  return online;
}
