// Live delivery as the app sees it: the events a page receives, and publishing
// them through the conversation hub (lib/messages/live-hub.ts) after D1 has the
// change. A failed publish never fails the action: the message is stored, and
// every page catches up from D1 when its socket (re)opens.
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { HUB_NAME, parseConversation, type MessageView } from "./model";

export type LiveEvent =
  | { type: "message"; message: MessageView }
  | { type: "read"; conversationKey: string; userId: number; lastReadId: number }
  | { type: "deleted"; conversationKey: string; id: number };

async function hub() {
  return (await getCloudflareContext({ async: true })).env.CONVERSATION_HUB.getByName(HUB_NAME);
}

export async function publish(conversationKey: string, event: LiveEvent): Promise<void> {
  const conversation = parseConversation(conversationKey);
  if (!conversation) return;
  try {
    await (await hub()).publish(conversation.kind === "team" ? "everyone" : conversation.members, event);
  } catch (error) {
    console.error(`live: publish failed (${conversationKey}): ${String(error)}`);
  }
}

/** Closes a deactivated user's sockets. */
export async function disconnectUser(userId: number): Promise<void> {
  try {
    await (await hub()).disconnect(userId);
  } catch (error) {
    console.error(`live: disconnect failed (${userId}): ${String(error)}`);
  }
}
