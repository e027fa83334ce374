"use client";

import Link from "next/link";
import { CountPill } from "@/components/ui/count-pill";
import { useState } from "react";
import { readUnreadNotificationsAction } from "@/app/(app)/notifications/actions";
import { useLiveEvents } from "@/components/messages/live-provider";
import { format, type PluralTemplate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n";

interface BellLinkProps {
  userId: number;
  initialUnread: number;
  /** When the server rendered the count: a new render (after an action) brings the latest one, even if equal to the first. */
  renderedAt: number;
  label: string;
  unreadLabel: PluralTemplate;
  locale: Locale;
}

/**
 * The bell and its count. The tab's live socket (the messages' one) says when
 * the person's notifications changed (or a conversation they read took some
 * off); the count is then read again from D1, and on every (re)connection in
 * case something came while the socket was closed.
 */
export function BellLink({ userId, initialUnread, renderedAt, label, unreadLabel, locale }: BellLinkProps) {
  // The newest count wins, by when the server counted it. A refresh asked before an
  // action that reads notifications can resolve after that action's render of the
  // layout: seen in the e2e suite, the bell then kept the old count until the next event.
  const [count, setCount] = useState({ unread: initialUnread, at: renderedAt });
  // A render of the layout (after an action: a notification opened, all read) brings the server's count.
  const [rendered, setRendered] = useState(renderedAt);
  if (rendered !== renderedAt) {
    setRendered(renderedAt);
    if (renderedAt >= count.at) setCount({ unread: initialUnread, at: renderedAt });
  }
  const unread = count.unread;

  const refresh = async () => {
    try {
      const result = await readUnreadNotificationsAction({});
      if (result.ok) {
        const { unread: counted, countedAt } = result.data;
        setCount((current) => (countedAt >= current.at ? { unread: counted, at: countedAt } : current));
      }
    } catch {
      // Offline: the next (re)connection reads it again.
    }
  };
  useLiveEvents((event) => {
    // A conversation read in any of the person's tabs took its messages' notifications off; out of a group: its messages' notifications went with it.
    if (event.type === "notifications" || (event.type === "read" && event.userId === userId && event.notificationsRead) || (event.type === "removed" && event.userId === userId)) void refresh();
  }, () => void refresh());

  const text = unread > 0 ? `${label}, ${format(unreadLabel, { count: unread }, locale)}` : label;
  return (
    <Link
      href="/notifications"
      // As the navigation's links (components/shell/nav-link.tsx): no prefetch to make again after each refresh.
      prefetch={false}
      title={text}
      className="relative inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
      data-testid="notification-bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {/* Named by its text, not aria-label: the visible count is then not a second, different name (axe). */}
      <span className="sr-only">{text}</span>
      {unread > 0 && (
        <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 flex">
          <CountPill count={unread} className="bg-red-700 text-white" data-testid="notification-count" />
        </span>
      )}
    </Link>
  );
}
