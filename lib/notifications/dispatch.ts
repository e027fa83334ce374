// What happens once notifications are written: the action (or the cron) only
// enqueues them, and worker.ts' queue handler (queue.ts) does the rest off the
// request path. A failed enqueue never fails the action: the rows are in D1, and
// the bell reads its count from there on the next page.
import { getCloudflareContext } from "@opennextjs/cloudflare";
import type { NotificationRow } from "./events";
import { QUEUE_CHUNK, type NotifyMessage } from "./queue-message";

/** Where written notifications go next; an operation's context may replace it (tests collect them). */
export type NotificationDispatch = (rows: NotificationRow[]) => Promise<void>;

export const dispatchNotifications: NotificationDispatch = async (rows) => {
  if (!rows.length) return;
  try {
    const { env } = await getCloudflareContext({ async: true });
    const messages: { body: NotifyMessage }[] = [];
    for (let i = 0; i < rows.length; i += QUEUE_CHUNK) messages.push({ body: { notifications: rows.slice(i, i + QUEUE_CHUNK) } });
    await env.NOTIFY_QUEUE.sendBatch(messages);
  } catch (error) {
    console.error(`notifications: enqueue failed (${rows.length} row(s)): ${String(error).split("\n")[0]}`);
  }
};
