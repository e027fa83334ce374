"use client";

import { useState } from "react";
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
