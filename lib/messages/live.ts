// Live delivery as the app sees it: the events a page receives, and publishing
// them through the conversation hub (lib/messages/live-hub.ts) after D1 has the
// change. A failed publish never fails the action: the message is stored, and
// every page catches up from D1 when its socket (re)opens.
import { getCloudflareContext } from "@opennextjs/cloudflare";
import type { ActionContext } from "../operation";
import { HUB_NAME, parseConversation, SCREENS, type GroupView, type MessageView } from "./model";

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
  | { type: "tickets" }
  /**
   * Who is online changed (lib/messages/presence.ts): the people's ids, hidden ones left out.
   * A shop screen hears only that it changed, and reads its "on shift" names again.
   */
  | { type: "presence"; online?: number[] }
  /** What the shop screens show besides tickets changed (a broadcast, lib/tv/broadcasts.ts): they read it again. */
  | { type: "screens" }
  /** A group's name or members changed (lib/messages/groups.ts): its members' pages show them as they are now. */
  | { type: "members"; conversationKey: string; group: GroupView }
  /** The person is out of the group (removed, or left): their pages drop it at once. */
  | { type: "removed"; conversationKey: string; userId: number };

/** Who hears an event: these people, a group's current members (read by the hub), the plant's people, or the screens. */
export type LiveRecipients = number[] | { group: number } | "everyone" | "screens";

/**
 * What a shop screen's socket hears (lib/tv/): changes of what it shows, never a
 * message, a read or anyone's notifications. Its events name nothing.
 */
export function forScreens(event: LiveEvent): LiveEvent | null {
  if (event.type === "tickets" || event.type === "screens") return event;
  if (event.type === "presence") return { type: "presence" };
  return null;
}

/** An error's first line: outside a worker (tests, scripts) OpenNext explains itself over a dozen lines. */
const reason = (error: unknown) => String(error).split("\n").find((line) => line.trim() && !/^Error:\s*$/.test(line)) ?? String(error);

async function hub() {
  return (await getCloudflareContext({ async: true })).env.CONVERSATION_HUB.getByName(HUB_NAME);
}

/**
 * Sends the event to the conversation's members: the two people of a private
 * one; a group's members as they are when the hub sends it (it reads them from
 * D1, so someone just removed hears nothing more); every open socket of the
 * plant's people for the team channel (all of them active users: the hub admits
 * no other, and deactivation closes theirs; guests' sockets are left out, and
 * shop screens hear only what forScreens() lets through). A read in the team
 * channel or a group only concerns the reader's own tabs (nobody sees "lu"
 * there), and a person out of a group is told alone. SCREENS: the screens alone.
 */
export async function publish(conversationKey: string, event: LiveEvent): Promise<void> {
  const conversation = conversationKey === SCREENS ? null : parseConversation(conversationKey);
  if (!conversation && conversationKey !== SCREENS) return;
  const recipients: LiveRecipients = !conversation
    ? "screens"
    : conversation.kind === "private"
      ? conversation.members
      : event.type === "read" || event.type === "removed"
        ? [event.userId]
        : conversation.kind === "group"
          ? { group: conversation.groupId }
          : "everyone";
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

/** A shop screen's link was revoked (D1 already says so): its open screens close at once (lib/tv/links.ts). */
export async function closeRevokedScreen(linkId: number): Promise<void> {
  try {
    await (await hub()).endScreen(linkId);
  } catch (error) {
    console.error(`live: closing a revoked screen failed (${linkId}): ${reason(error)}`);
  }
}

/** The person's "hide my presence" changed (D1 already says so): their open sockets follow at once. */
export async function presenceHidden(userId: number, hidden: boolean): Promise<void> {
  try {
    await (await hub()).setPresenceHidden(userId, hidden);
  } catch (error) {
    console.error(`live: presence setting not applied (${userId}): ${reason(error)}`);
  }
}

/** Who is online now (lib/messages/presence.ts), for a shop screen's "on shift" strip; nobody when the hub cannot be asked. */
export async function whoIsOnline(): Promise<number[]> {
  try {
    return await (await hub()).online();
  } catch (error) {
    console.error(`live: presence unread: ${reason(error)}`);
    return [];
  }
}
