// What the messages screens read, each in a fixed number of queries whatever the
// history's size: the index on messages(conversation_key, id) gives a
// conversation's last message and a page of history directly, and one row per
// member in message_reads says how far each has read.
import type { Db } from "../db/client";
import { can, isGuest, STAFF_SQL, type Who } from "../permissions";
import { visibleTicketsWhere, type TicketStatus } from "../tickets/model";
import { ticketReaderFor } from "../tickets/queries";
import type { ServedFile } from "../stored-files";
import { joinGroupSql, PAGE_SIZE, parseGroupEvent, TEAM, ticketIdsIn, type GroupEvent, type GroupView, type MessageView } from "./model";
import { readableConversation } from "./members";
import { TRANSCRIPT_STATUS } from "../voice/model";

export interface ConversationSummary {
  key: string;
  /** The other person of a private conversation; null for the team channel and a group. */
  other: { id: number; name: string; active: boolean } | null;
  /** A group's name; null for the team channel and a private conversation. */
  groupName: string | null;
  /** mine: the reader sent it (the list says "Vous"); event: a group's change told in it. */
  last: { senderName: string; mine: boolean; preview: string; createdAt: string; deleted: boolean; audio: boolean; photos: boolean; event?: GroupEvent } | null;
  unread: number;
}

/**
 * The conversations a user is in with how far they have read: the team channel
 * and their pairs from their rows in message_reads, plus the team channel when
 * they have none yet (then team messages sent before their account existed do not
 * count as unread), neither for a guest; and the groups they are in now
 * (lib/messages/members.ts), read up to their row, if any.
 */
const MEMBERSHIPS = `
  WITH staff AS (SELECT 1 FROM users u WHERE u.id = ?1 AND ${STAFF_SQL}),
  r AS (
    SELECT conversation_key, other_user_id, last_read_id FROM message_reads
    WHERE user_id = ?1 AND conversation_key NOT GLOB 'g*' AND EXISTS (SELECT 1 FROM staff)
    UNION ALL
    SELECT '${TEAM}', NULL, (SELECT COALESCE(MAX(m.id), 0) FROM messages m WHERE m.conversation_key = '${TEAM}'
                               AND m.created_at < (SELECT created_at FROM users WHERE id = ?1))
    WHERE NOT EXISTS (SELECT 1 FROM message_reads WHERE user_id = ?1 AND conversation_key = '${TEAM}') AND EXISTS (SELECT 1 FROM staff)
    UNION ALL
    SELECT 'g' || cm.conversation_id, NULL, COALESCE(mr.last_read_id, 0)
    FROM conversation_members cm
    LEFT JOIN message_reads mr ON mr.conversation_key = 'g' || cm.conversation_id AND mr.user_id = ?1
    WHERE cm.user_id = ?1 AND cm.removed_at IS NULL
  )`;
// A group's changes told in it (an event) are not messages to read.
const UNREAD = `(SELECT COUNT(*) FROM messages u WHERE u.conversation_key = r.conversation_key AND u.id > r.last_read_id
                 AND u.sender_id <> ?1 AND u.deleted_at IS NULL AND u.event IS NULL)`;

interface SummaryRow {
  conversation_key: string;
  other_id: number | null;
  other_name: string | null;
  other_active: number | null;
  group_name: string | null;
  last_id: number | null;
  last_sender: string | null;
  last_mine: number | null;
  last_content: string | null;
  last_at: string | null;
  last_deleted: string | null;
  last_audio: string | null;
  last_photos: number | null;
  last_event: string | null;
  unread: number;
}

/** The team channel first, then private conversations and groups, most recent first: one query. */
export async function listConversations(db: Db, userId: number): Promise<ConversationSummary[]> {
  const rows = await db.$queryRawUnsafe<SummaryRow[]>(
    `${MEMBERSHIPS}
    SELECT r.conversation_key, o.id AS other_id, o.name AS other_name, o.active AS other_active, g.name AS group_name,
           m.id AS last_id, s.name AS last_sender, m.sender_id = ?1 AS last_mine, m.content AS last_content, m.created_at AS last_at,
           m.deleted_at AS last_deleted, m.audio_key AS last_audio, m.event AS last_event,
           (SELECT COUNT(*) FROM message_attachments a WHERE a.message_id = m.id) AS last_photos,
           ${UNREAD} AS unread
    FROM r
    LEFT JOIN users o ON o.id = r.other_user_id
    ${joinGroupSql("r.conversation_key")}
    LEFT JOIN messages m ON m.id = (SELECT MAX(x.id) FROM messages x WHERE x.conversation_key = r.conversation_key)
    LEFT JOIN users s ON s.id = m.sender_id
    ORDER BY r.conversation_key <> '${TEAM}', m.id DESC`,
    userId,
  );
  return rows.map((row) => ({
    key: row.conversation_key,
    other: row.other_id === null ? null : { id: row.other_id, name: row.other_name ?? "", active: !!row.other_active },
    groupName: row.group_name,
    last:
      row.last_id === null
        ? null
        : {
            senderName: row.last_sender ?? "",
            mine: !!Number(row.last_mine),
            preview: row.last_deleted ? "" : (row.last_content ?? "").slice(0, 140),
            createdAt: new Date(row.last_at!).toISOString(),
            deleted: !!row.last_deleted,
            audio: !row.last_deleted && !!row.last_audio,
            photos: !row.last_deleted && Number(row.last_photos) > 0,
            ...(row.last_event ? { event: parseGroupEvent(row.last_event) } : {}),
          },
    unread: Number(row.unread),
  }));
}

/** Unread messages in every conversation of the user, for the header: one query. */
export async function countUnread(db: Db, userId: number): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | null }[]>(`${MEMBERSHIPS} SELECT SUM(${UNREAD}) AS n FROM r`, userId);
  return Number(row?.n ?? 0);
}

const messageSelect = {
  id: true,
  clientId: true,
  conversationKey: true,
  senderId: true,
  content: true,
  createdAt: true,
  deletedAt: true,
  audioKey: true,
  audioDuration: true,
  transcript: true,
  transcriptStatus: true,
  transcriptEditedAt: true,
  event: true,
  sender: { select: { name: true } },
  attachments: { select: { id: true }, orderBy: { id: "asc" } },
} as const;

type MessageRow = {
  id: number;
  clientId: string | null;
  conversationKey: string;
  senderId: number;
  content: string;
  createdAt: Date;
  deletedAt: Date | null;
  audioKey: string | null;
  audioDuration: number | null;
  transcript: string | null;
  transcriptStatus: string | null;
  transcriptEditedAt: Date | null;
  event: string | null;
  sender: { name: string };
  attachments: { id: number }[];
};

/** A voice note's text once the model wrote it (lib/voice/jobs.ts); a pending or failed one shows nothing. */
function transcriptOf(row: MessageRow): MessageView["transcript"] {
  if (row.deletedAt || !row.audioKey || row.transcriptStatus !== TRANSCRIPT_STATUS.done || !row.transcript) return null;
  return { text: row.transcript, edited: row.transcriptEditedAt !== null };
}

export function toMessageView(row: MessageRow, ticketId: string | null = null): MessageView {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    clientId: row.clientId,
    conversationKey: row.conversationKey,
    senderId: row.senderId,
    senderName: row.sender.name,
    content: deleted ? "" : row.content,
    createdAt: row.createdAt.toISOString(),
    deleted,
    audioDuration: !deleted && row.audioKey ? row.audioDuration : null,
    photoIds: deleted ? [] : row.attachments.map((a) => a.id),
    ticketId,
    transcript: transcriptOf(row),
    ...(row.event ? { event: parseGroupEvent(row.event) } : {}),
  };
}

/**
 * The tickets reported from these messages, by message id: one query on the
 * tickets' source_message_id index. A deleted ticket no longer counts, so its
 * message may become a ticket again.
 */
export async function ticketsFromMessages(db: Db, messageIds: number[]): Promise<Map<number, string>> {
  if (!messageIds.length) return new Map();
  const rows = await db.ticket.findMany({
    where: { sourceMessageId: { in: messageIds }, deletedAt: null },
    orderBy: { id: "asc" },
    select: { sourceMessageId: true, ticketId: true },
  });
  return new Map(rows.map((row) => [row.sourceMessageId!, row.ticketId]));
}

/** Rows as the screens show them, each with the ticket made from it. */
async function toMessageViews(db: Db, rows: MessageRow[]): Promise<MessageView[]> {
  const tickets = await ticketsFromMessages(db, rows.filter((row) => !row.deletedAt).map((row) => row.id));
  return rows.map((row) => toMessageView(row, tickets.get(row.id) ?? null));
}

export async function getMessageView(db: Db, where: { id: number } | { clientId: string }): Promise<MessageView | null> {
  const row = await db.message.findUnique({ where, select: messageSelect });
  return row && (await toMessageViews(db, [row]))[0]!;
}

export interface HistoryPage {
  /** Oldest first. */
  messages: MessageView[];
  /** More messages exist before the first one. */
  hasMore: boolean;
}

/** A page of a conversation, oldest first: the latest PAGE_SIZE, or those before `before`. */
export async function getHistory(db: Db, conversationKey: string, options: { before?: number; take?: number } = {}): Promise<HistoryPage> {
  const take = options.take ?? PAGE_SIZE;
  const rows = await db.message.findMany({
    where: { conversationKey, ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: take + 1,
    select: messageSelect,
  });
  return { messages: await toMessageViews(db, rows.slice(0, take).reverse()), hasMore: rows.length > take };
}

/** What arrived after `after` (a reconnected page catching up), oldest first, at most a page. */
export async function getMessagesAfter(db: Db, conversationKey: string, after: number): Promise<HistoryPage> {
  const rows = await db.message.findMany({
    where: { conversationKey, id: { gt: after } },
    orderBy: { id: "asc" },
    take: PAGE_SIZE + 1,
    select: messageSelect,
  });
  return { messages: await toMessageViews(db, rows.slice(0, PAGE_SIZE)), hasMore: rows.length > PAGE_SIZE };
}

/** What a ticket id typed in a message shows: the ticket's title and status. */
export interface TicketRef {
  title: string;
  status: TicketStatus;
}
export type TicketRefs = Record<string, TicketRef>;

/** Distinct ticket ids looked up per call: one query (D1 binds at most 100 values); any beyond stay plain text. */
export const MAX_TICKET_REFS = 99;

/**
 * The tickets that texts mention and the reader may open, in one query whatever
 * the number of messages: ids of deleted tickets, or of none, are left out, so
 * the screen shows them as plain text.
 */
export async function findTicketRefs(db: Db, reader: Who, texts: string[]): Promise<TicketRefs> {
  const ids = [...new Set(texts.flatMap(ticketIdsIn))].slice(0, MAX_TICKET_REFS);
  if (!ids.length || !can(reader, "ticket.view")) return {};
  // Only tickets the reader may open (an operator may see only their own reports): the others stay plain text.
  const visible = visibleTicketsWhere(await ticketReaderFor(db, reader));
  const rows = await db.ticket.findMany({
    where: { ticketId: { in: ids }, deletedAt: null, ...visible },
    select: { ticketId: true, title: true, status: true },
  });
  return Object.fromEntries(rows.map((row) => [row.ticketId, { title: row.title, status: row.status as TicketStatus }]));
}

/** A page of history with the tickets its messages mention. */
export async function withTicketRefs(db: Db, reader: Who, page: HistoryPage): Promise<HistoryPage & { tickets: TicketRefs }> {
  // The tickets made from these messages too: their title and status, for those who may open them.
  return { ...page, tickets: await findTicketRefs(db, reader, page.messages.flatMap((m) => (m.ticketId ? [m.content, m.ticketId] : [m.content]))) };
}

export interface ConversationHeader {
  key: string;
  other: { id: number; name: string; active: boolean } | null;
  /** A group: its name and current members, by name. */
  group: GroupView | null;
  /** How far the other person has read (private conversations: "lu"). */
  otherLastReadId: number;
}

/** A group's name and current members (active accounts), by name; null when there is no such group. */
export async function getGroup(db: Db, groupId: number): Promise<GroupView | null> {
  const group = await db.conversation.findUnique({
    where: { id: groupId },
    select: {
      id: true,
      name: true,
      members: { where: { removedAt: null, user: { active: true } }, select: { user: { select: { id: true, name: true, role: true, company: true } } } },
    },
  });
  if (!group) return null;
  const byName = new Intl.Collator("fr-CA", { sensitivity: "base" });
  const members = group.members
    .map(({ user }) => ({ id: user.id, name: user.name, guest: isGuest(user), company: isGuest(user) ? user.company : null }))
    .sort((a, b) => byName.compare(a.name, b.name));
  return { id: group.id, name: group.name, members };
}

/**
 * Who the conversation is with and how far they have read, for a reader who may
 * open it; null otherwise, and when the key names none (a pair with a guest too:
 * guests talk in groups only).
 */
export async function getConversationHeader(db: Db, reader: Who, conversationKey: string): Promise<ConversationHeader | null> {
  const conversation = await readableConversation(db, reader, conversationKey);
  if (!conversation) return null;
  if (conversation.kind === "team") return { key: TEAM, other: null, group: null, otherLastReadId: 0 };
  if (conversation.kind === "group") {
    const group = await getGroup(db, conversation.groupId);
    return group && { key: conversationKey, other: null, group, otherLastReadId: 0 };
  }
  const otherId = conversation.members.find((id) => id !== reader.id)!;
  const [other, read] = await Promise.all([
    db.user.findUnique({ where: { id: otherId }, select: { id: true, name: true, active: true, role: true } }),
    db.messageRead.findUnique({ where: { conversationKey_userId: { conversationKey, userId: otherId } }, select: { lastReadId: true } }),
  ]);
  if (!other || isGuest(other)) return null;
  return { key: conversationKey, other: { id: other.id, name: other.name, active: other.active }, group: null, otherLastReadId: read?.lastReadId ?? 0 };
}

/** Colleagues one can write to privately: active users other than oneself (never a guest), by name. */
export async function listColleagues(db: Db, userId: number) {
  return db.user.findMany({
    where: { active: true, id: { not: userId }, role: { not: "guest" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}

/** The groups a person is in now, by name, with their member counts: where an admin may add a guest they invite. */
export async function listGroupsOf(db: Db, userId: number): Promise<{ id: number; name: string; members: number }[]> {
  const rows = await db.conversation.findMany({
    where: { members: { some: { userId, removedAt: null } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { members: { where: { removedAt: null } } } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, members: row._count.members }));
}

/**
 * Who can be added to a group: the active accounts not in it yet, guests
 * included, by name. `groupId` null: a group still to create (all but the creator).
 */
export async function listGroupCandidates(db: Db, groupId: number | null, creatorId: number) {
  return db.user.findMany({
    where: {
      active: true,
      ...(groupId === null ? { id: { not: creatorId } } : { memberships: { none: { conversationId: groupId, removedAt: null } } }),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true, company: true },
  });
}

/**
 * A message's voice note ("audio") or photo (its attachment id) for a reader who
 * may read the message; null otherwise, and for a deleted message: a route
 * answers 404 either way, so another pair's files are indistinguishable from none.
 */
export async function findReadableFile(db: Db, reader: Who, messageId: number, file: string): Promise<ServedFile | null> {
  const photoId = file === "audio" ? null : Number(file);
  if (photoId !== null && !(Number.isInteger(photoId) && photoId > 0)) return null;
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: {
      conversationKey: true,
      deletedAt: true,
      audioKey: true,
      audioType: true,
      audioSize: true,
      attachments: { where: { id: photoId ?? -1 }, select: { id: true, fileKey: true, fileType: true, fileSize: true } },
    },
  });
  if (!message || message.deletedAt || !(await readableConversation(db, reader, message.conversationKey))) return null;
  if (photoId === null) {
    if (!message.audioKey || !message.audioType || message.audioSize === null) return null;
    const extension = message.audioKey.split(".").pop();
    return { key: message.audioKey, type: message.audioType, size: message.audioSize, name: `note-${messageId}.${extension}` };
  }
  const photo = message.attachments[0];
  if (!photo) return null;
  return { key: photo.fileKey, type: photo.fileType, size: photo.fileSize, name: `photo-${photo.id}.${photo.fileKey.split(".").pop()}` };
}

/** A message as it can become a ticket report: its text and photos, for someone who may read it. */
export interface SourceMessage {
  id: number;
  conversationKey: string;
  content: string;
  photos: { id: number; fileKey: string; fileName: string; fileType: string; fileSize: number }[];
  /** The ticket already reported from it, by its code: a message becomes one ticket only. */
  ticketId: string | null;
}

/** The message, unless it is deleted or the reader is not in its conversation (then null, like one that does not exist). */
export async function findSourceMessage(db: Db, reader: Who, messageId: number): Promise<SourceMessage | null> {
  const message = await db.message.findFirst({
    where: { id: messageId, deletedAt: null },
    select: { id: true, conversationKey: true, content: true, attachments: { orderBy: { id: "asc" }, select: { id: true, fileKey: true, fileType: true, fileSize: true } } },
  });
  if (!message || !(await readableConversation(db, reader, message.conversationKey))) return null;
  const photos = message.attachments.map((a) => ({ ...a, fileName: `photo-${a.id}.${a.fileKey.split(".").pop()}` }));
  const ticketId = (await ticketsFromMessages(db, [message.id])).get(message.id) ?? null;
  return { id: message.id, conversationKey: message.conversationKey, content: message.content, photos, ticketId };
}
