"use client";

import { CountPill } from "@/components/ui/count-pill";
import { format, type PluralTemplate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n";
import { useLive } from "./live-provider";

/** The header's count of unread messages, kept live by the tab's socket. */
export function UnreadBadge({ label, locale }: { label: PluralTemplate; locale: Locale }) {
  const { unread } = useLive();
  if (unread <= 0) return null;
  return <CountPill count={unread} label={format(label, { count: unread }, locale)} className="bg-blue-700 text-white" data-testid="unread-badge" />;
}
