// The queue's consumer (worker.ts queue()): tells the recipients' open pages that
// their notifications changed (the messages' hub), then sends the pushes
// (push.ts). It runs in the worker, next to the Durable Object, with the D1
// binding as is: no Prisma here, so the worker bundle keeps one copy of it (the
// Next app's). A push that failed is tried again through the queue, after a
// growing delay, by a message naming only its (notification, device) pairs.
import { HUB_NAME } from "../messages/model";
import { sendPushes, type PushEnv, type PushRunResult } from "./push";
import type { NotifyMessage } from "./queue-message";

export interface QueueEnv extends PushEnv {
  DB: D1Database;
  CONVERSATION_HUB: CloudflareEnv["CONVERSATION_HUB"];
  NOTIFY_QUEUE: Queue<NotifyMessage>;
}

/** Seconds before a message or a push is tried again: 2, 4, 8… at most 60. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(60, 2 ** Math.max(1, attempts));
}

export async function deliver(env: QueueEnv, body: NotifyMessage, options: { fetch?: typeof fetch } = {}): Promise<PushRunResult> {
  let result: PushRunResult;
  if ("notifications" in body) {
    const recipients = [...new Set(body.notifications.map((n) => n.recipientId))];
    try {
      if (recipients.length) await env.CONVERSATION_HUB.getByName(HUB_NAME).publish(recipients, { type: "notifications" });
    } catch (error) {
      // The bell catches up from D1 on the next page or reconnection; the pushes still go.
      console.error(`notifications: live publish failed: ${String(error).split("\n")[0]}`);
    }
    const ids = body.notifications.filter((n) => n.push).map((n) => n.id);
    result = await sendPushes(env.DB, env, ids, options);
  } else {
    result = await sendPushes(env.DB, env, [...new Set(body.retry.map((r) => r.notificationId))], { ...options, only: body.retry });
  }
  if (result.retry.length) {
    const attempt = "attempt" in body ? body.attempt + 1 : 1;
    await env.NOTIFY_QUEUE.send({ retry: result.retry, attempt }, { delaySeconds: retryDelaySeconds(attempt) });
  }
  return result;
}

/** Each message on its own: one that fails is retried by the queue (then dead-lettered), the others are done. */
export async function consumeNotifications(batch: MessageBatch<NotifyMessage>, env: QueueEnv): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        await deliver(env, message.body);
        message.ack();
      } catch (error) {
        console.error(`notifications: delivery failed (attempt ${message.attempts}): ${String(error).split("\n")[0]}`);
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      }
    }),
  );
}
