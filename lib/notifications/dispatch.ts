// What happens once notifications are written: each recipient's open pages are
// told their count changed (the messages' live socket, lib/messages/live.ts).
import { publishToUsers } from "../messages/live";
import type { NotificationRow } from "./events";

/** Where written notifications go next; an operation's context may replace it (tests collect them). */
export type NotificationDispatch = (rows: NotificationRow[]) => Promise<void>;

export const dispatchNotifications: NotificationDispatch = async (rows) => {
  if (!rows.length) return;
  await publishToUsers([...new Set(rows.map((r) => r.recipientId))], { type: "notifications" });
};
