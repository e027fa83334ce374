"use client";

import { format, type PluralTemplate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n";
import { useLive } from "./live-provider";

/** The header's count of unread messages, kept live by the tab's socket. */
export function UnreadBadge({ label, locale }: { label: PluralTemplate; locale: Locale }) {
  const { unread } = useLive();
  if (unread <= 0) return null;
  // relative: the sr-only text is absolutely placed, and would otherwise widen the phone page from the scrolled nav.
  return (
    <span className="relative ml-1.5 rounded-full bg-blue-700 px-1.5 text-xs font-semibold text-white" data-testid="unread-badge">
      <span aria-hidden="true">{unread > 99 ? "99+" : unread}</span>
      <span className="sr-only">{format(label, { count: unread }, locale)}</span>
    </span>
  );
}
