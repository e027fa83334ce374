"use client";

import { usePresence } from "./live-provider";

/**
 * A green dot after a person who has Atelier open now (lib/messages/presence.ts),
 * kept live by the tab's socket; nothing otherwise. Its words are for screen readers.
 */
export function PresenceDot({ userId, label }: { userId: number; label: string }) {
  if (!usePresence().has(userId)) return null;
  return (
    <span className="inline-flex shrink-0 items-center" data-testid="presence-dot">
      <svg aria-hidden="true" viewBox="0 0 10 10" className="h-2.5 w-2.5">
        <circle cx="5" cy="5" r="5" className="fill-green-600 forced-colors:fill-[CanvasText]" />
      </svg>
      <span className="sr-only">{label}</span>
    </span>
  );
}
