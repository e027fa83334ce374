// Messages: the old system had two messengers. Its first (`messages`) had public
// messages, which go to Atelier's team channel, and private ones, which go to
// the pair's conversation, voice notes included. Its second (Messenger v2,
// `chat_*`) had conversations: the "Général" group goes to the team channel, a
// direct conversation between two people to their private one; other groups
// wait for Atelier's group conversations (reported, not imported). Both merge in
// the order they were written, and how far each person had read is kept where
// the old system knew it.
import { nameKey } from "../accounts/names";
import { privateKey, TEAM } from "../messages/model";
import type { PlanContext } from "./context";
import { flag, instant, int, rowsOf, text, words, type LegacyRow } from "./export";
import { addNote } from "./report";

interface Pending {
  at: Date;
  /** Ties broken by where the message comes from, then its place there. */
  order: number;
  sender: number;
  conversation: string;
  recipient: number | null;
  content: string;
  audio: { key: string; duration: number | null; size: number | null; type: string } | null;
  photo: { key: string; size: number | null; type: string } | null;
  readAt: Date | null;
  /** A private message its recipient had read (legacy messenger). */
  readByRecipient: boolean;
}

/** The placeholder text the old messenger stored beside a voice note. */
const VOICE_PLACEHOLDER = /^🎤\s*Message vocal$/u;

export function typeFromKey(key: string, kind: "audio" | "image"): string {
  const ext = key.split(".").pop()?.toLowerCase() ?? "";
  if (kind === "audio") return ({ webm: "audio/webm", ogg: "audio/ogg", opus: "audio/ogg", m4a: "audio/mp4", mp4: "audio/mp4", mp3: "audio/mpeg" } as Record<string, string>)[ext] ?? `audio/${ext}`;
  return ({ jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp", heic: "image/heic" } as Record<string, string>)[ext] ?? `image/${ext}`;
}

function meta(row: LegacyRow): { duration?: unknown; size?: unknown; mimeType?: unknown; mime?: unknown } {
  try {
    const value: unknown = JSON.parse(text(row.media_meta) ?? "null");
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

const number = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? Math.round(value) : null);

export function mapMessages(ctx: PlanContext): void {
  const { report } = ctx;
  const pending: Pending[] = [];
  let unknownSender = 0;
  let deleted = 0;
  let system = 0;
  const files: string[] = [];

  // ---------------------------------------------------------- the first messenger
  const legacy = rowsOf(ctx.source, "messages");
  let legacyOrphans = 0;
  legacy.forEach((row, index) => {
    const sender = ctx.person(int(row.sender_id));
    if (sender === null) {
      unknownSender++;
      return;
    }
    const recipientId = int(row.recipient_id);
    const isPrivate = words(row.message_type) === "private" || (words(row.message_type) === null && recipientId !== null);
    const recipient = isPrivate ? ctx.person(recipientId) : null;
    if (isPrivate && (recipient === null || recipient === sender)) {
      legacyOrphans++;
      return;
    }
    const key = words(row.audio_file_key);
    let content = text(row.content)?.trim() ?? "";
    if (key && VOICE_PLACEHOLDER.test(content)) content = "";
    pending.push({
      at: instant(row.created_at) ?? ctx.now,
      order: index,
      sender,
      conversation: recipient === null ? TEAM : privateKey(sender, recipient),
      recipient,
      content,
      audio: key ? { key, duration: int(row.audio_duration), size: int(row.audio_size), type: typeFromKey(key, "audio") } : null,
      photo: null,
      readAt: isPrivate ? instant(row.read_at) : null,
      readByRecipient: isPrivate && (flag(row.is_read) || !!instant(row.read_at)),
    });
  });
  ctx.orphan("messages", legacyOrphans);

  // ---------------------------------------------------------- Messenger v2
  const conversations = rowsOf(ctx.source, "chat_conversations");
  const members = new Map<string, LegacyRow[]>();
  for (const row of rowsOf(ctx.source, "chat_participants")) {
    const id = text(row.conversation_id) ?? "";
    members.set(id, [...(members.get(id) ?? []), row]);
  }
  const target = new Map<string, { conversation: string; pair?: [number, number] } | null>();
  // Conversations left out, by why: their names, and their ids to count their messages.
  const left = { groups: new Map<string, string>(), ai: new Map<string, string>(), unpaired: new Map<string, string>() };
  const skippedIn = new Map<string, number>();
  for (const row of conversations) {
    const id = text(row.id) ?? "";
    const name = words(row.name) ?? id;
    const type = words(row.type);
    if (/^expert_ai$|^ai[_-]/i.test(id)) {
      left.ai.set(id, name);
      target.set(id, null);
    } else if (type === "group" && (id === "general-group-uuid" || nameKey(name) === "general")) {
      target.set(id, { conversation: TEAM });
    } else if (type === "direct") {
      const people = [...new Set((members.get(id) ?? []).map((m) => ctx.person(int(m.user_id))).filter((p): p is number => p !== null))];
      if (people.length === 2) target.set(id, { conversation: privateKey(people[0]!, people[1]!), pair: [people[0]!, people[1]!] });
      else {
        left.unpaired.set(id, name);
        target.set(id, null);
      }
    } else {
      left.groups.set(id, name);
      target.set(id, null);
    }
  }

  const chat = rowsOf(ctx.source, "chat_messages");
  let chatImported = 0;
  chat.forEach((row, index) => {
    const conversationId = text(row.conversation_id) ?? "";
    const where = target.get(conversationId);
    if (!where) {
      skippedIn.set(conversationId, (skippedIn.get(conversationId) ?? 0) + 1);
      return;
    }
    if (flag(row.is_deleted)) {
      deleted++;
      return;
    }
    const type = words(row.type) ?? "text";
    if (type === "system") {
      system++;
      return;
    }
    const sender = ctx.person(int(row.sender_id));
    if (sender === null || (where.pair && !where.pair.includes(sender))) {
      unknownSender++;
      return;
    }
    const key = words(row.media_key);
    const info = meta(row);
    let content = text(row.content)?.trim() ?? "";
    let audio: Pending["audio"] = null;
    let photo: Pending["photo"] = null;
    if (type === "audio" && key) {
      audio = { key, duration: number(info.duration), size: number(info.size), type: typeof info.mimeType === "string" ? info.mimeType : typeFromKey(key, "audio") };
    } else if (type === "image" && key) {
      photo = { key, size: number(info.size), type: typeFromKey(key, "image") };
    } else if (key) {
      files.push(key);
    }
    if (!content && !audio && !photo) return;
    if (audio && VOICE_PLACEHOLDER.test(content)) content = "";
    pending.push({
      at: instant(row.created_at) ?? ctx.now,
      order: legacy.length + index,
      sender,
      conversation: where.conversation,
      recipient: where.pair ? where.pair.find((p) => p !== sender)! : null,
      content,
      audio,
      photo,
      readAt: null,
      readByRecipient: false,
    });
    chatImported++;
  });

  // ---------------------------------------------------------- rows, in the order they were written
  pending.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  pending.forEach((m, index) => {
    const id = index + 1;
    ctx.rows.messages.push({
      id,
      sender_id: m.sender,
      recipient_id: m.recipient,
      content: m.content,
      audio_key: m.audio?.key ?? null,
      audio_duration: m.audio?.duration ?? null,
      audio_type: m.audio?.type ?? null,
      audio_size: m.audio?.size ?? null,
      read_at: m.readAt,
      created_at: m.at,
      conversation_key: m.conversation,
    });
    if (m.audio) ctx.files.push({ key: m.audio.key, use: "audio", table: "messages", id });
    if (m.photo) {
      const attachment = ctx.rows.message_attachments.length + 1;
      ctx.rows.message_attachments.push({ id: attachment, message_id: id, file_key: m.photo.key, file_type: m.photo.type, file_size: m.photo.size ?? 0, created_at: m.at });
      ctx.files.push({ key: m.photo.key, use: "photo", table: "message_attachments", id: attachment });
    }
  });

  const readPointers = reads(ctx, pending, legacy.length, members, target);
  ctx.count("messages", legacy.length, pending.length - chatImported);
  if (conversations.length) ctx.count("chat_conversations", conversations.length, [...target.values()].filter(Boolean).length);
  ctx.count("chat_messages", chat.length, chatImported);
  const team = pending.filter((m) => m.conversation === TEAM).length;
  addNote(report.imported, "teamChannel", team);
  const pairs = new Set(pending.filter((m) => m.conversation !== TEAM).map((m) => m.conversation));
  addNote(report.imported, "privateConversations", pending.length - team, { values: { pairs: pairs.size } });
  addNote(report.imported, "teamReadUnknown", readPointers.teamUnknown);
  const messagesIn = (conversations: Map<string, string>) => [...conversations.keys()].reduce((n, id) => n + (skippedIn.get(id) ?? 0), 0);
  const names = (conversations: Map<string, string>) => [...conversations.values()];
  addNote(report.notImported, "groupConversations", left.groups.size, { values: { messages: messagesIn(left.groups) }, items: names(left.groups) });
  addNote(report.notImported, "aiConversations", left.ai.size, { values: { messages: messagesIn(left.ai) }, items: names(left.ai) });
  addNote(report.notImported, "unpairedConversations", left.unpaired.size, { values: { messages: messagesIn(left.unpaired) }, items: names(left.unpaired) });
  addNote(report.notImported, "messagesUnknownSender", unknownSender);
  addNote(report.notImported, "messagesDeleted", deleted);
  addNote(report.notImported, "messagesSystem", system);
  addNote(report.notImported, "messageFiles", files.length, { items: files });
}

/**
 * message_reads: each person's pointer per conversation (everything up to it is
 * read). Where the old system knew how far someone had read (a Messenger v2
 * member's last_read_at, a private message marked read), the pointer stops
 * before the first message they had not read; in the team channel, someone the
 * old system knew nothing about has read the history. Both rows of every private
 * pair are written: Atelier lists a pair from its rows (lib/messages/queries.ts).
 */
function reads(
  ctx: PlanContext,
  pending: Pending[],
  /** Messages of the first messenger: pending's order below it. */
  legacyCount: number,
  members: Map<string, LegacyRow[]>,
  target: Map<string, { conversation: string; pair?: [number, number] } | null>,
): { teamUnknown: number } {
  const ids = (conversation: string) =>
    ctx.rows.messages.filter((m) => m.conversation_key === conversation).map((m) => ({ id: m.id, at: m.created_at, sender: m.sender_id }));
  const lastRead = new Map<string, Date | null>();
  for (const [conversationId, rows] of members) {
    const where = target.get(conversationId);
    if (!where) continue;
    for (const row of rows) {
      const user = ctx.person(int(row.user_id));
      if (user !== null) lastRead.set(`${where.conversation}|${user}`, instant(row.last_read_at));
    }
  }
  /** The read prefix: the id just before the first message `read` says is unread. */
  const pointer = (list: { id: number }[], read: (index: number) => boolean) => {
    const first = list.findIndex((_, i) => !read(i));
    return first < 0 ? (list.at(-1)?.id ?? 0) : first === 0 ? 0 : list[first - 1]!.id;
  };

  const team = ids(TEAM);
  // Only Messenger v2's "Général" knew who had read what; the first messenger's public messages count as read.
  const fromGeneral = (id: number) => pending[id - 1]!.order >= legacyCount;
  let teamUnknown = 0;
  if (team.length) {
    for (const user of ctx.people.ids()) {
      const key = `${TEAM}|${user}`;
      const known = lastRead.has(key);
      if (!known) teamUnknown++;
      const until = lastRead.get(key) ?? null;
      const last = known ? pointer(team, (i) => team[i]!.sender === user || !fromGeneral(team[i]!.id) || (until !== null && team[i]!.at <= until)) : team.at(-1)!.id;
      ctx.rows.message_reads.push({ conversation_key: TEAM, user_id: user, other_user_id: null, last_read_id: last, updated_at: ctx.now });
    }
  }

  const pairs = [...new Set(ctx.rows.messages.filter((m) => m.conversation_key !== TEAM).map((m) => m.conversation_key))];
  for (const conversation of pairs) {
    const list = ids(conversation);
    const [a, b] = conversation.split("-").map(Number) as [number, number];
    for (const [user, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const until = lastRead.get(`${conversation}|${user}`) ?? null;
      const last = pointer(list, (i) => {
        const m = pending[list[i]!.id - 1]!;
        return m.sender === user || m.readByRecipient || (until !== null && m.at <= until);
      });
      ctx.rows.message_reads.push({ conversation_key: conversation, user_id: user, other_user_id: other, last_read_id: last, updated_at: ctx.now });
    }
  }
  return { teamUnknown };
}
