"use client";

import { useRouter } from "next/navigation";
import { createContext, use, useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import type { LiveEvent } from "@/lib/messages/live";
import { LIVE_CLOSE, LIVE_PATH } from "@/lib/messages/model";
import { PING_MS } from "@/lib/messages/presence";
import type { ConversationSummary } from "@/lib/messages/queries";
import { fetchRead } from "./fetch-read";

const MAX_BACKOFF_MS = 30_000;
/** Events often come in bursts (a send and its read): one inbox read for the lot. */
const INBOX_DEBOUNCE_MS = 80;

export interface LiveListener {
  onEvent?: (event: LiveEvent) => void;
  /** Every (re)connection: what arrived while the socket was closed is read from D1 here. */
  onOpen?: () => void;
}

interface LiveContextValue {
  online: boolean;
  /** Unread messages in all the user's conversations (the header's count). */
  unread: number;
  /** The conversation list as last read; null until read once in this tab. */
  conversations: ConversationSummary[] | null;
  subscribe(listener: LiveListener): () => void;
  /** Reads the conversation list and unread counts again (one query). */
  refreshInbox(): void;
  /** A page rendered the list on the server: the tab takes it as the latest. */
  showInbox(conversations: ConversationSummary[]): void;
  /** The conversation on screen: its new messages are read at once, so they do not count meanwhile. */
  setActive(conversationKey: string | null): void;
  /** Who has Atelier open (lib/messages/presence.ts), as the hub last said; empty while the socket is closed. */
  present: ReadonlySet<number>;
}

const LiveContext = createContext<LiveContextValue | null>(null);

function useLiveContext(): LiveContextValue {
  const live = use(LiveContext);
  if (!live) throw new Error("LiveProvider is missing: it is rendered by the app shell");
  return live;
}

interface LiveProviderProps {
  userId: number;
  /** The count the server rendered the page with. */
  initialUnread: number;
  children: React.ReactNode;
}

/**
 * The tab's one live socket, opened by the app shell on every page: the header's
 * unread count, the conversation list and an open conversation all listen to it.
 * It opens with a fresh one-minute token (worker.ts checks it), reconnects with
 * exponential backoff, and on every (re)connection its listeners catch up from D1.
 */
export function LiveProvider({ userId, initialUnread, children }: LiveProviderProps) {
  const router = useRouter();
  const [online, setOnline] = useState(true);
  const [conversations, setConversations] = useState<ConversationSummary[] | null>(null);
  const [serverUnread, setServerUnread] = useState(initialUnread);
  const [active, setActiveKey] = useState<string | null>(null);
  const [present, setPresent] = useState<ReadonlySet<number>>(() => new Set());
  const listeners = useRef(new Set<LiveListener>());
  const inboxTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inboxRequest = useRef(0);

  // A render of the layout (after refresh()) brings the server's count: it is the latest.
  const [renderedUnread, setRenderedUnread] = useState(initialUnread);
  if (renderedUnread !== initialUnread) {
    setRenderedUnread(initialUnread);
    setServerUnread(initialUnread);
    setConversations(null);
  }

  const readInbox = useCallback(async () => {
    const request = ++inboxRequest.current;
    try {
      const inbox = await fetchRead<ConversationSummary[]>("/messages/read/inbox");
      // An older answer arriving after a newer one is dropped.
      if (inbox && request === inboxRequest.current) setConversations(inbox);
    } catch {
      // Offline: the next (re)connection reads it again.
    }
  }, []);

  const refreshInbox = useCallback(() => {
    clearTimeout(inboxTimer.current);
    inboxTimer.current = setTimeout(() => void readInbox(), INBOX_DEBOUNCE_MS);
  }, [readInbox]);

  const showInbox = useCallback((fresh: ConversationSummary[]) => {
    ++inboxRequest.current; // an answer still on its way is older than this render
    setConversations(fresh);
  }, []);

  const subscribe = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const handleEvent = useEffectEvent((event: LiveEvent) => {
    for (const listener of listeners.current) listener.onEvent?.(event);
    if (event.type === "presence") return setPresent(new Set(event.online));
    // Counts change with a message or a deletion, and with a read of one's own (maybe in another tab).
    // A message reported as a ticket changes no count, and neither does a ticket's change (lib/tickets/live.ts).
    if (event.type === "notifications" || event.type === "ticketed" || event.type === "tickets" || event.type === "screens") return;
    // One's own message in the conversation on screen changes nothing this tab shows: the send moved the
    // reader's pointer, the count leaves that conversation out while it is on screen, and the list is another page.
    if (event.type === "message" && event.message.senderId === userId && event.message.conversationKey === active) return;
    if (event.type !== "read" || event.userId === userId) refreshInbox();
  });
  // The session ended from elsewhere: rendered again, the page finds no session and
  // the server sends it to sign-in. A router refresh waits behind an action this tab
  // has in flight, so that action's own answer comes first.
  const handleSessionEnded = useEffectEvent(() => router.refresh());
  const handleOpen = useEffectEvent(() => {
    setOnline(true);
    for (const listener of listeners.current) listener.onOpen?.();
    refreshInbox();
  });

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
        const ticket = await fetchRead<{ token: string }>("/messages/read/live-token");
        // Refused (signed out, a password to change): trying again would be refused too.
        if (!ticket) return setOnline(false);
        token = ticket.token;
      } catch {
        return later();
      }
      if (stopped) return;
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(`${scheme}//${location.host}${LIVE_PATH}?token=${encodeURIComponent(token)}`);
      socket.onopen = () => {
        attempts = 0;
        handleOpen();
        ping = setInterval(() => socket?.send("ping"), PING_MS);
      };
      socket.onmessage = (message) => {
        if (message.data === "pong") return;
        let event: LiveEvent;
        try {
          event = JSON.parse(String(message.data)) as LiveEvent;
        } catch {
          return; // not an event of ours
        }
        handleEvent(event);
      };
      socket.onclose = (event) => {
        clearInterval(ping);
        socket = null;
        // Closed, this tab no longer hears who comes and goes: it shows nobody rather than a stale list.
        setPresent(new Set());
        // The session ended (lib/messages/live-hub.ts): no token would open another socket.
        if (event.code === LIVE_CLOSE.sessionEnded || event.code === LIVE_CLOSE.endedHere) {
          setOnline(false);
          // Ended from elsewhere: to sign-in. Ended by this session's own request (its
          // "everywhere", its password change): that request's page says what follows.
          if (event.code === LIVE_CLOSE.sessionEnded) handleSessionEnded();
          return;
        }
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

  useEffect(() => () => clearTimeout(inboxTimer.current), []);

  const value = useMemo<LiveContextValue>(() => {
    const unread = conversations ? conversations.reduce((sum, c) => sum + (c.key === active ? 0 : c.unread), 0) : serverUnread;
    return {
      online,
      unread,
      conversations,
      subscribe,
      refreshInbox,
      showInbox,
      setActive: setActiveKey,
      present,
    };
  }, [online, conversations, serverUnread, active, subscribe, refreshInbox, showInbox, present]);

  return <LiveContext value={value}>{children}</LiveContext>;
}

/** The shared socket's events for one component; returns whether the socket is open. */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, onOpen: () => void): boolean {
  const live = useLiveContext();
  const handleEvent = useEffectEvent(onEvent);
  const handleOpen = useEffectEvent(onOpen);
  const { subscribe } = live;
  useEffect(() => subscribe({ onEvent: (event) => handleEvent(event), onOpen: () => handleOpen() }), [subscribe]);
  return live.online;
}

export function useLive(): LiveContextValue {
  return useLiveContext();
}

/** Who has Atelier open now (lib/messages/presence.ts), by user id; nobody outside the app's shell. */
export function usePresence(): ReadonlySet<number> {
  return use(LiveContext)?.present ?? NO_ONE;
}

const NO_ONE: ReadonlySet<number> = new Set();
