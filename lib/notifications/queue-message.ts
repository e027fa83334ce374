// The queue's messages (wrangler.jsonc queues): the notifications an action wrote,
// as RETURNING gave them, so the consumer needs no query to know who to tell; or
// pushes to try again, which the consumer itself enqueues with a delay.
import type { NotificationRow } from "./events";

export type NotifyMessage =
  | { notifications: NotificationRow[] }
  | { retry: { notificationId: number; deviceId: number }[]; attempt: number };

/** Rows per message: far under the 128 KB a message may hold, and a batch of sendBatch is at most 100 messages. */
export const QUEUE_CHUNK = 500;
