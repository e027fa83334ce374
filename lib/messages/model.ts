// What a conversation is, as one string stored on every message
// (messages.conversation_key): "team" for the channel every active user is in
// (guests aside), "<smaller id>-<larger id>" for a private pair, "g<id>" for a
// named group (its members: lib/messages/members.ts). The migration's backfill
// (prisma/migrations/0006_messaging.sql) writes the pairs' form in SQL.

export const TEAM = "team";
export const MAX_TEXT = 4000;
export const MAX_PHOTOS = 10;
/** The one conversation hub (Durable Object) every live socket of the plant joins. */
export const HUB_NAME = "atelier";
/** Where a page opens its live socket (worker.ts checks the token there). */
export const LIVE_PATH = "/live";
/**
 * How the hub closes a socket whose session ended (lib/messages/live-hub.ts), and
 * what the page then does (components/messages/live-provider.tsx).
 */
export const LIVE_CLOSE = {
  /** Ended from elsewhere (a sign-out, another device, an admin, deactivation): the page goes to sign-in. */
  sessionEnded: 4001,
  /** Ended by a request of this very session (its "everywhere", its password change): that request's page says what follows. */
  endedHere: 4002,
  /** A shop screen's link was revoked (lib/tv/links.ts): the screen says so and opens no other socket. */
  screenRevoked: 4003,
} as const;
/** Who hears what the shop screens show change (a broadcast): an audience, not a conversation (lib/messages/live.ts). */
export const SCREENS = "screens";
/** Messages per history page: the first render and each "scroll up". */
export const PAGE_SIZE = 50;

export type Conversation =
  | { kind: "team"; key: typeof TEAM }
  | { kind: "private"; key: string; members: [number, number] }
  /** members: its current members once read (lib/messages/members.ts); unknown from the key alone. */
  | { kind: "group"; key: string; groupId: number; members?: readonly number[] };

/** The key of the private conversation between two users. */
export function privateKey(a: number, b: number): string {
  return `${Math.min(a, b)}-${Math.max(a, b)}`;
}

/** The key of a group's conversation. */
export function groupKey(groupId: number): string {
  return `g${groupId}`;
}

/** The conversation a key names, or null when it names none (malformed, or a pair of one). */
export function parseConversation(key: string): Conversation | null {
  if (key === TEAM) return { kind: "team", key: TEAM };
  const group = /^g([1-9]\d{0,9})$/.exec(key);
  if (group) return { kind: "group", key, groupId: Number(group[1]) };
  const match = /^([1-9]\d{0,9})-([1-9]\d{0,9})$/.exec(key);
  if (!match) return null;
  const a = Number(match[1]);
  const b = Number(match[2]);
  if (a >= b) return null;
  return { kind: "private", key, members: [a, b] };
}

/** The other person of a private conversation, seen from `userId`; null for the team, a group or a non-member. */
export function otherMember(conversation: Conversation, userId: number): number | null {
  if (conversation.kind !== "private") return null;
  const [a, b] = conversation.members;
  return a === userId ? b : b === userId ? a : null;
}

/** Text as it is stored: Windows line breaks made plain, outer blank space dropped, inner line breaks kept. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

export interface MessageView {
  id: number;
  clientId: string | null;
  conversationKey: string;
  senderId: number;
  senderName: string;
  /** Empty once deleted. */
  content: string;
  /** ISO 8601. */
  createdAt: string;
  deleted: boolean;
  /** Seconds, when the message is a voice note. */
  audioDuration: number | null;
  photoIds: number[];
  /** The ticket reported from it ("Créer un ticket"), by its code; null when none (or it was deleted). */
  ticketId: string | null;
  /** A voice note's text (lib/voice/), once written; edited: its author corrected it. */
  transcript: { text: string; edited: boolean } | null;
  /** A group's change told in its conversation (lib/messages/groups.ts); absent from a message someone wrote. */
  event?: GroupEvent;
}

/** What a group's conversation says of its changes, each by the person who made it (the message's sender). */
export const groupEventKinds = ["created", "renamed", "added", "removed", "left"] as const;
export type GroupEventKind = (typeof groupEventKinds)[number];
/** name: the group's new name (created, renamed) or the person added or removed, as it was then. */
export interface GroupEvent {
  kind: GroupEventKind;
  name: string;
}

/** A person in a group, as its members see them: a guest with their company ("Invité · Sous-traitant Inc."). */
export interface GroupMember {
  id: number;
  name: string;
  guest: boolean;
  company: string | null;
}

/** A group as its members see it: its name and current members, by name. */
export interface GroupView {
  id: number;
  name: string;
  members: GroupMember[];
}

/**
 * The group a column of conversation keys names, as a LEFT JOIN on conversations
 * (aliased `alias`): its row for "g<id>", nothing for the team and a pair. The
 * key's id is read back as a number, so the join uses the table's primary key.
 */
export function joinGroupSql(keyColumn: string, alias = "g"): string {
  return `LEFT JOIN conversations ${alias} ON ${keyColumn} GLOB 'g*' AND ${alias}.id = CAST(substr(${keyColumn}, 2) AS INTEGER)`;
}

/** A group's name: spaces as one, at most this long. */
export const MAX_GROUP_NAME = 80;
/** People added at once (a form's picker; one JSON parameter in D1). */
export const MAX_ADDED_AT_ONCE = 100;

/** A stored event (messages.event, JSON), or undefined when it is none or not one of ours. */
export function parseGroupEvent(stored: string | null | undefined): GroupEvent | undefined {
  if (!stored) return undefined;
  try {
    const event = JSON.parse(stored) as Partial<GroupEvent>;
    if ((groupEventKinds as readonly string[]).includes(event.kind ?? "") && typeof event.name === "string") return { kind: event.kind!, name: event.name };
  } catch {
    // Not ours: shown as an ordinary (empty) message would be.
  }
  return undefined;
}

export type TextPart = { kind: "text"; text: string } | { kind: "link"; href: string; text: string } | { kind: "ticket"; ticketId: string };

const LINK = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'»]/u;
// Atelier's ids (PREFIX-M007-20261123-004), and the ones tickets brought from the old
// system keep (TYP-MMYY-NNNN, its type the machine's first letters, accents and all).
const TICKET = /(?<![\p{L}\p{N}-])(?:[A-Z0-9]{1,8}-M\d{3,}-\d{8}-\d{3,}|\p{Lu}[\p{Lu}\d]{1,3}-\d{4}-\d{4})(?![\p{L}\p{N}-])/u;
const TOKENS = new RegExp(`${LINK.source}|${TICKET.source}`, "gu");

/**
 * A message's text cut into plain text, web links and ticket ids, so the screen
 * renders each as text or a link and never as HTML.
 */
export function splitText(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKENS)) {
    if (match.index > at) parts.push({ kind: "text", text: text.slice(at, match.index) });
    const token = match[0];
    parts.push(token.startsWith("http") ? { kind: "link", href: token, text: token } : { kind: "ticket", ticketId: token });
    at = match.index + token.length;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}

/** The ticket ids a text mentions, each once, in order. */
export function ticketIdsIn(text: string): string[] {
  return [...new Set(splitText(text).flatMap((part) => (part.kind === "ticket" ? [part.ticketId] : [])))];
}

/** Messages (oldest first) cut into factory days, for the day separators. */
export function groupByDay<M extends { createdAt: string }>(messages: M[], dayOf: (date: Date) => string): { day: string; messages: M[] }[] {
  const groups: { day: string; messages: M[] }[] = [];
  for (const message of messages) {
    const day = dayOf(new Date(message.createdAt));
    const last = groups.at(-1);
    if (last?.day === day) last.messages.push(message);
    else groups.push({ day, messages: [message] });
  }
  return groups;
}
