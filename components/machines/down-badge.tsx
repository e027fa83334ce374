import type { Locale, Messages } from "@/lib/i18n";
import { downText } from "@/lib/tickets/downtime";

interface DownBadgeProps {
  downSince: Date | null;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** "À l'arrêt depuis …": a machine a ticket stopped (lib/tickets/downtime.ts), until that ticket is closed. */
export function DownBadge({ downSince, locale, timeZone, t }: DownBadgeProps) {
  if (!downSince) return null;
  return (
    <span data-testid="machine-down" className="inline-flex items-center rounded bg-red-700 px-2 py-0.5 text-xs font-medium text-white">
      <time dateTime={downSince.toISOString()}>{downText(downSince, locale, timeZone, t)}</time>
    </span>
  );
}
