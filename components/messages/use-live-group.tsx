"use client";

import Link from "next/link";
import { useState } from "react";
import type { Messages } from "@/lib/i18n";
import type { GroupView } from "@/lib/messages/model";
import { useLiveEvents } from "./live-provider";

/**
 * A group as its page shows it, kept live: its name and members when they change
 * (lib/messages/groups.ts publishes them), and whether the reader is out of it
 * (removed, or left from another tab): their page then shows nothing more of it.
 * `initial` null: not a group. A render of the page brings the group as the server read it.
 */
export function useLiveGroup(conversationKey: string, initial: GroupView | null, userId: number): { group: GroupView | null; removed: boolean; setRemoved: (removed: boolean) => void } {
  const [group, setGroup] = useState(initial);
  const [rendered, setRendered] = useState(initial);
  const [removed, setRemoved] = useState(false);
  if (rendered !== initial) {
    setRendered(initial);
    setGroup(initial);
  }
  useLiveEvents(
    (event) => {
      if (!initial || !("conversationKey" in event) || event.conversationKey !== conversationKey) return;
      if (event.type === "members") setGroup(event.group);
      if (event.type === "removed" && event.userId === userId) setRemoved(true);
    },
    () => {},
  );
  return { group, removed, setRemoved };
}

/** What a page of a group shows its reader once they are out of it: that, and the way back to their list. */
export function OutOfGroup({ t }: { t: Messages["messages"]["group"] }) {
  return (
    <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="removed-from-group">
      <p>{t.removed}</p>
      <Link href="/messages" className="btn-secondary">
        {t.toList}
      </Link>
    </div>
  );
}
