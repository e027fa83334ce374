// Live delivery as the app sees it: the events a page receives, and publishing
// them through the conversation hub (lib/messages/live-hub.ts) after D1 has the
// change. A failed publish never fails the action: the message is stored, and
// every page catches up from D1 when its socket (re)opens.
import { getCloudflareContext } from "@opennextjs/cloudflare";
import type { ActionContext } from "../operation";
import { HUB_NAME, parseConversation, type MessageView } from "./model";

export type LiveEvent =
  | { type: "message"; message: MessageView }
  /** notificationsRead: how many of the reader's notifications the read took off (their bell counts again). */
  | { type: "read"; conversationKey: string; userId: number; lastReadId: number; notificationsRead?: number }
  | { type: "deleted"; conversationKey: string; id: number }
  /** The message was reported as a ticket ("Créer un ticket"): it shows the ticket's code. */
  | { type: "ticketed"; conversationKey: string; id: number; ticketId: string }
  /** The person's notifications changed (lib/notifications): the bell reads its count again. */
  | { type: "notifications" }
  /** Some ticket changed (lib/tickets/live.ts): open boards render again. It names none, so it tells nobody anything. */
  | { type: "tickets" };

/** An error's first line: outside a worker (tests, scripts) OpenNext explains itself over a dozen lines. */
const reason = (error: unknown) => String(error).split("\n").find((line) => line.trim() && !/^Error:\s*$/.test(line)) ?? String(error);

async function hub() {
  return (await getCloudflareContext({ async: true })).env.CONVERSATION_HUB.getByName(HUB_NAME);
}

/**
 * Sends the event to the conversation's members: the two people of a private
 * one, every open socket for the team channel (all of them active users: the hub
 * admits no other, and deactivation closes theirs). A read in the team channel
 * only concerns the reader's own tabs (nobody sees "lu" there).
 */
export async function publish(conversationKey: string, event: LiveEvent): Promise<void> {
  const conversation = parseConversation(conversationKey);
  if (!conversation) return;
  const recipients = conversation.kind === "private" ? conversation.members : event.type === "read" ? [event.userId] : "everyone";
  try {
    await (await hub()).publish(recipients, event);
  } catch (error) {
    console.error(`live: publish failed (${conversationKey}): ${reason(error)}`);
  }
}

/** How an operation publishes: publish() unless its context replaces it (tests collect the events). */
export type LivePublish = (conversationKey: string, event: LiveEvent) => Promise<void>;

/** The operations' way to publish (lib/messages/operations.ts), after D1 has the change. */
export function publishLive(ctx: Pick<ActionContext, "publishLive">, conversationKey: string, event: LiveEvent): Promise<void> {
  return (ctx.publishLive ?? publish)(conversationKey, event);
}

/**
 * The way out of every end of a session, once D1 has it: a sign-out, "Se déconnecter
 * de tous les appareils", a password changed or reset, a new role, a deactivation
 * (lib/accounts/sessions.ts and users.ts). The hub checks the user's open sockets
 * against D1 and closes those whose session no longer stands; `by` is the session
 * whose own request ended them (its page says what follows, the others go to sign-in).
 */
export async function closeEndedSessions(userId: number, by?: string): Promise<void> {
  try {
    await (await hub()).endSessions(userId, by);
  } catch (error) {
    console.error(`live: closing ended sessions failed (${userId}): ${reason(error)}`);
  }
}
