// Messaging on the real local D1 and R2: every permission cell and every refusal
// of the messages issue, through the operations the server actions run.
import { beforeAll, describe, expect, it } from "vitest";
import { privateKey, TEAM } from "@/lib/messages/model";
import { deleteMessage, markConversationRead, sendMessage } from "@/lib/messages/operations";
import { countUnread, findReadableFile, getConversationHeader, getHistory, listConversations } from "@/lib/messages/queries";
import { roles, type Role } from "@/lib/permissions";
import { createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { directOffline, refusal } from "./helpers/refusal";

const t = freshDatabase();
let cast: Cast;
let others: Cast;

const send = directOffline(sendMessage);
const markRead = directOffline(markConversationRead);
const remove = directOffline(deleteMessage);

const jpeg = (name = "photo.jpg") => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(1)])], name, { type: "image/jpeg" });
const webm = (bytes = 64) => new File([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(bytes - 4).fill(2)])], "note.webm", { type: "audio/webm" });

beforeAll(async () => {
  cast = await createCast(t.db, "msg");
  others = await createCast(t.db, "third");
});

/** A send form's fields: a new client id and no files unless given. */
function message(input: { conversation: string; content?: string; clientId?: string; photos?: File[]; audio?: File[]; audioDuration?: number }) {
  return { clientId: crypto.randomUUID(), photos: [], audio: [], ...input };
}

function sendAs(role: Role, input: Parameters<typeof message>[0], from: Cast = cast) {
  return send(t.db, from[role], message(input), { media: t.media });
}

async function storedKeys(): Promise<string[]> {
  return (await t.media.list({ prefix: "messages/" })).objects.map((o) => o.key);
}

describe.each(roles)("as %s", (role) => {
  const colleague = (): Role => (role === "supervisor" ? "technician" : "supervisor");

  it("sends to the team channel, and everyone reads it there", async () => {
    const sent = await sendAs(role, { conversation: TEAM, content: `La presse 4 est repartie (${role})` });
    expect(sent).toMatchObject({ conversationKey: TEAM, senderId: cast[role].id, deleted: false });
    for (const reader of roles) {
      const list = await listConversations(t.db, others[reader].id);
      expect(list[0]).toMatchObject({ key: TEAM, other: null });
      expect(list[0]!.last?.preview).toBe(`La presse 4 est repartie (${role})`);
    }
    expect((await getHistory(t.db, TEAM)).messages.at(-1)?.id).toBe(sent.id);
  });

  it("writes privately to a colleague, who sees it unread until they read it", async () => {
    const to = cast[colleague()];
    const key = privateKey(cast[role].id, to.id);
    const unreadIn = async (userId: number) => (await listConversations(t.db, userId)).find((c) => c.key === key)?.unread ?? 0;
    const [before, beforeHere] = [await countUnread(t.db, to.id), await unreadIn(to.id)];
    const sent = await sendAs(role, { conversation: key, content: "Tu peux passer ?" });

    const theirs = (await listConversations(t.db, to.id)).find((c) => c.key === key);
    expect(theirs).toMatchObject({ other: { id: cast[role].id, name: cast[role].name }, unread: beforeHere + 1 });
    // The list says who wrote last as the reader sees it: "Vous" for the sender only.
    expect(theirs?.last).toMatchObject({ senderName: cast[role].name, mine: false });
    expect((await listConversations(t.db, cast[role].id)).find((c) => c.key === key)?.last).toMatchObject({ mine: true });
    expect(await countUnread(t.db, to.id)).toBe(before + 1);
    expect(await unreadIn(cast[role].id)).toBe(0);

    await markRead(t.db, to, { conversation: key, upTo: sent.id });
    expect(await countUnread(t.db, to.id)).toBe(before - beforeHere);
    expect((await getConversationHeader(t.db, cast[role], key))?.otherLastReadId).toBe(sent.id);
    expect((await t.db.message.findUnique({ where: { id: sent.id } }))?.readAt).not.toBeNull();
  });

  it("reads no other pair's conversation and writes nothing into it", async () => {
    const key = privateKey(cast.technician.id, cast.supervisor.id);
    const sent = await sendAs("technician", { conversation: key, content: "Entre nous" });
    const count = await t.db.message.count();
    expect((await refusal(sendAs(role, { conversation: key, content: "Je m’invite" }, others))).code).toBe("notInConversation");
    expect((await refusal(markRead(t.db, others[role], { conversation: key, upTo: sent.id }))).code).toBe("notInConversation");
    expect((await refusal(remove(t.db, others[role], { id: sent.id }))).code).toBe("notFound");
    expect(await t.db.message.count()).toBe(count);
    expect((await listConversations(t.db, others[role].id)).some((c) => c.key === key)).toBe(false);
  });

  it("deletes their own message: the row stays, its text and files go", async () => {
    const sent = await sendAs(role, { conversation: TEAM, content: "Erreur", photos: [jpeg()], audio: [webm()], audioDuration: 3 });
    expect(await storedKeys()).toEqual(expect.arrayContaining([expect.stringMatching(/\.jpg$/), expect.stringMatching(/\.webm$/)]));
    const keys = (await t.db.message.findUnique({ where: { id: sent.id }, select: { audioKey: true, attachments: { select: { fileKey: true } } } }))!;
    await remove(t.db, cast[role], { id: sent.id }, { media: t.media });
    const row = await t.db.message.findUnique({ where: { id: sent.id } });
    expect(row).toMatchObject({ content: "", deletedBy: cast[role].id, audioKey: null });
    expect(row?.deletedAt).not.toBeNull();
    const left = await storedKeys();
    for (const key of [keys.audioKey!, ...keys.attachments.map((a) => a.fileKey)]) expect(left).not.toContain(key);
    const view = (await getHistory(t.db, TEAM)).messages.find((m) => m.id === sent.id);
    expect(view).toMatchObject({ deleted: true, content: "", photoIds: [], audioDuration: null });
  });

  it(`${role === "supervisor" || role === "admin" ? "deletes" : "may not delete"} someone else's team message`, async () => {
    const author = role === "operator" ? "technician" : "operator";
    const sent = await sendAs(author, { conversation: TEAM, content: "Hors sujet" });
    if (role === "supervisor" || role === "admin") {
      await remove(t.db, cast[role], { id: sent.id });
      expect((await t.db.message.findUnique({ where: { id: sent.id } }))?.deletedAt).not.toBeNull();
    } else {
      expect((await refusal(remove(t.db, cast[role], { id: sent.id }))).code).toBe("forbidden");
      expect((await t.db.message.findUnique({ where: { id: sent.id } }))?.deletedAt).toBeNull();
    }
  });

  it("may not delete the other person's private message, whatever their role", async () => {
    const from = cast[colleague()];
    const sent = await send(t.db, from, message({ conversation: privateKey(from.id, cast[role].id), content: "À moi" }));
    expect((await refusal(remove(t.db, cast[role], { id: sent.id }))).code).toBe("forbidden");
  });
});

describe("a message that cannot be sent", () => {
  async function expectNothingWritten(attempt: () => Promise<unknown>, code: string, field?: string) {
    const [messages, keys] = [await t.db.message.count(), await storedKeys()];
    const error = await refusal(attempt());
    expect(error.code).toBe(code);
    if (field) expect(error.options.field).toBe(field);
    expect(await t.db.message.count()).toBe(messages);
    expect(await storedKeys()).toEqual(keys);
  }

  it("is refused when empty", async () => {
    await expectNothingWritten(() => sendAs("operator", { conversation: TEAM, content: "  \n  " }), "messageEmpty", "content");
  });

  it("is refused over 4,000 characters, and accepted at 4,000 with its line breaks", async () => {
    await expectNothingWritten(() => sendAs("operator", { conversation: TEAM, content: "x".repeat(4001) }), "messageTooLong", "content");
    const text = `${"x".repeat(1999)}\r\n${"y".repeat(1999)}`;
    const sent = await sendAs("operator", { conversation: TEAM, content: text });
    expect(sent.content).toBe(`${"x".repeat(1999)}\n${"y".repeat(1999)}`);
  });

  it("is refused with a photo that is not an image by its bytes, whatever its name", async () => {
    const pdf = new File([new TextEncoder().encode("%PDF-1.7 ............")], "photo.jpg", { type: "image/jpeg" });
    await expectNothingWritten(() => sendAs("operator", { conversation: TEAM, photos: [jpeg(), pdf] }), "photoType", "photos");
    const video = new File([new Uint8Array([0, 0, 0, 32, ..."ftypisom".split("").map((c) => c.charCodeAt(0)), 0, 0, 0, 0])], "clip.jpg");
    await expectNothingWritten(() => sendAs("operator", { conversation: TEAM, photos: [video] }), "photoType", "photos");
  });

  it("is refused with a voice note that is not audio by its bytes", async () => {
    await expectNothingWritten(() => sendAs("operator", { conversation: TEAM, audio: [jpeg("note.webm")], audioDuration: 4 }), "audioType", "audio");
  });

  it("is refused with a voice note over 5 minutes or 10 MB", async () => {
    await expectNothingWritten(() => sendAs("operator", { conversation: TEAM, audio: [webm()], audioDuration: 301 }), "audioTooLong", "audio");
    await expectNothingWritten(() => sendAs("operator", { conversation: TEAM, audio: [webm(10 * 1024 * 1024 + 1)], audioDuration: 60 }),
      "audioTooLarge",
      "audio",
    );
  });

  it("is refused to a deactivated colleague or one who does not exist", async () => {
    const gone = await t.db.user.create({ data: { email: "parti@atelier.test", name: "Parti", role: "operator", passwordHash: "x", active: false } });
    await expectNothingWritten(() => sendAs("technician", { conversation: privateKey(cast.technician.id, gone.id), content: "Salut" }), "recipientUnavailable");
    await expectNothingWritten(() => sendAs("technician", { conversation: privateKey(cast.technician.id, 999_999), content: "Salut" }), "recipientUnavailable");
  });

  it("is refused in a conversation the sender is not part of, or one that cannot exist", async () => {
    for (const conversation of [privateKey(others.admin.id, others.operator.id), "équipe", `${cast.operator.id}-${cast.operator.id}`]) {
      await expectNothingWritten(() => sendAs("operator", { conversation, content: "Salut" }), "notInConversation");
    }
  });
});

describe("a retried send", () => {
  it("never writes a second copy", async () => {
    const input = message({ conversation: TEAM, content: "Une seule fois", photos: [jpeg()] });
    const [first, second] = await Promise.all([
      send(t.db, cast.operator, input, { media: t.media }),
      send(t.db, cast.operator, input, { media: t.media }),
    ]);
    const third = await send(t.db, cast.operator, input, { media: t.media });
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    expect(await t.db.message.count({ where: { clientId: input.clientId } })).toBe(1);
    expect(await t.db.messageAttachment.count({ where: { messageId: first.id } })).toBe(1);
  });

  it("by someone else with the same id is refused", async () => {
    const input = message({ conversation: TEAM, content: "À moi" });
    await send(t.db, cast.operator, input);
    expect((await refusal(send(t.db, cast.technician, input))).code).toBe("conflict");
  });
});

describe("history", () => {
  it("comes 50 messages at a time, oldest first, and the next page continues before the first", async () => {
    const a = await t.db.user.create({ data: { email: "a.hist@atelier.test", name: "A", role: "operator", passwordHash: "x" } });
    const key = privateKey(a.id, cast.admin.id);
    await t.db.message.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ senderId: a.id, recipientId: cast.admin.id, conversationKey: key, content: `n${i}` })),
    });
    const first = await getHistory(t.db, key);
    expect(first.messages.map((m) => m.content)).toEqual(Array.from({ length: 50 }, (_, i) => `n${i + 70}`));
    expect(first.hasMore).toBe(true);
    const second = await getHistory(t.db, key, { before: first.messages[0]!.id });
    expect(second.messages[0]!.content).toBe("n20");
    const third = await getHistory(t.db, key, { before: second.messages[0]!.id });
    expect(third).toMatchObject({ hasMore: false });
    expect(third.messages).toHaveLength(20);
  });

  it("lists the team channel first, then private conversations by their last message", async () => {
    const b = await t.db.user.create({ data: { email: "b.list@atelier.test", name: "Bea", role: "technician", passwordHash: "x" } });
    const c = await t.db.user.create({ data: { email: "c.list@atelier.test", name: "Carl", role: "technician", passwordHash: "x" } });
    const me = { id: b.id, role: "technician" as const };
    await send(t.db, me, message({ conversation: privateKey(b.id, c.id), content: "premier" }));
    await send(t.db, me, message({ conversation: privateKey(b.id, cast.admin.id), content: "second" }));
    const list = await listConversations(t.db, b.id);
    expect(list.map((c) => c.other?.name ?? c.key)).toEqual([TEAM, cast.admin.name, "Carl"]);
  });
});

describe("photos and voice notes", () => {
  it("are served to the two people of a private conversation only, with their checked type", async () => {
    const key = privateKey(cast.technician.id, cast.supervisor.id);
    const sent = await sendAs("technician", { conversation: key, photos: [jpeg("pièce cassée.jpg")], audio: [webm()], audioDuration: 20 });
    expect(sent).toMatchObject({ audioDuration: 20, photoIds: [expect.any(Number)] });
    const photo = String(sent.photoIds[0]);
    for (const reader of [cast.technician, cast.supervisor]) {
      expect(await findReadableFile(t.db, reader, sent.id, "audio")).toMatchObject({ type: "audio/webm", size: 64, name: `note-${sent.id}.webm` });
      expect(await findReadableFile(t.db, reader, sent.id, photo)).toMatchObject({ type: "image/jpeg", name: `photo-${photo}.jpg` });
    }
    for (const role of roles) {
      expect(await findReadableFile(t.db, others[role], sent.id, "audio"), role).toBeNull();
      expect(await findReadableFile(t.db, others[role], sent.id, photo), role).toBeNull();
    }
    const stored = await t.media.get((await findReadableFile(t.db, cast.supervisor, sent.id, "audio"))!.key);
    expect(stored?.httpMetadata?.contentType).toBe("audio/webm");
  });

  it("of the team channel are served to every role, and to nobody once deleted", async () => {
    const sent = await sendAs("operator", { conversation: TEAM, audio: [webm()], audioDuration: 5 });
    for (const role of roles) expect(await findReadableFile(t.db, others[role], sent.id, "audio"), role).not.toBeNull();
    await remove(t.db, cast.operator, { id: sent.id }, { media: t.media });
    expect(await findReadableFile(t.db, cast.operator, sent.id, "audio")).toBeNull();
  });

  it("are not found under another message's id or a made-up name", async () => {
    const a = await sendAs("operator", { conversation: TEAM, photos: [jpeg()] });
    const b = await sendAs("operator", { conversation: TEAM, content: "sans photo" });
    expect(await findReadableFile(t.db, cast.operator, b.id, String(a.photoIds[0]))).toBeNull();
    expect(await findReadableFile(t.db, cast.operator, b.id, "audio")).toBeNull();
    expect(await findReadableFile(t.db, cast.operator, a.id, "../secret")).toBeNull();
  });
});

describe("a send", () => {
  /** A pair nobody wrote in yet, so its rows are this test's alone. */
  async function freshPair(tag: string) {
    const to = await t.db.user.create({ data: { email: `${tag}@atelier.test`, name: `Dest ${tag}`, role: "technician", passwordHash: "x" } });
    return { to, key: privateKey(cast.supervisor.id, to.id) };
  }
  const rowsOf = async (key: string, clientId: string, recipientId: number) => ({
    messages: await t.db.message.count({ where: { clientId } }),
    attachments: await t.db.messageAttachment.count({ where: { message: { clientId } } }),
    reads: await t.db.messageRead.count({ where: { conversationKey: key } }),
    notifications: await t.db.notification.count({ where: { recipientId } }),
  });

  it("writes the message, its photos, both read pointers and the notification all together, or none of them", async () => {
    const { to, key } = await freshPair("batch");
    const input = message({ conversation: key, content: "Le moule est prêt", photos: [jpeg(), jpeg("deux.jpg")] });
    const keysBefore = await storedKeys();
    const notificationsBefore = await t.db.notification.count();
    // The notification is the batch's last statement: when it fails, the three before it must not stay.
    await t.d1.exec("CREATE TRIGGER fail_notifications BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'boom'); END");
    try {
      await expect(send(t.db, cast.supervisor, input, { media: t.media })).rejects.toThrow(/boom/);
    } finally {
      await t.d1.exec("DROP TRIGGER fail_notifications");
    }
    expect(await rowsOf(key, input.clientId, to.id)).toEqual({ messages: 0, attachments: 0, reads: 0, notifications: 0 });
    expect(await t.db.notification.count()).toBe(notificationsBefore);
    expect(await storedKeys()).toEqual(keysBefore);

    const events: unknown[] = [];
    const dispatched: { recipientId: number }[] = [];
    const sent = await send(t.db, cast.supervisor, input, {
      media: t.media,
      publishLive: async (conversationKey, event) => void events.push({ conversationKey, event }),
      dispatchNotifications: async (rows) => void dispatched.push(...rows),
    });
    expect(await rowsOf(key, input.clientId, to.id)).toEqual({ messages: 1, attachments: 2, reads: 2, notifications: 1 });
    const reads = await t.db.messageRead.findMany({ where: { conversationKey: key }, orderBy: { userId: "asc" }, select: { userId: true, lastReadId: true } });
    expect(reads).toEqual(
      [
        { userId: cast.supervisor.id, lastReadId: sent.id },
        { userId: to.id, lastReadId: 0 },
      ].sort((a, b) => a.userId - b.userId),
    );
    // What the sender's page shows from the answer is what D1 holds, and the same goes live to the pair.
    expect(sent).toEqual((await getHistory(t.db, key)).messages.at(-1));
    expect(sent.photoIds).toHaveLength(2);
    expect(events).toEqual([{ conversationKey: key, event: { type: "message", message: sent } }]);
    expect(dispatched.map((row) => row.recipientId)).toEqual([to.id]);
  });

  it("to a colleague deactivated meanwhile writes nothing and keeps no file", async () => {
    const { to, key } = await freshPair("gone-meanwhile");
    await t.db.user.update({ where: { id: to.id }, data: { active: false } });
    const input = message({ conversation: key, content: "Tu es là ?", photos: [jpeg()] });
    const keysBefore = await storedKeys();
    expect((await refusal(send(t.db, cast.supervisor, input, { media: t.media }))).code).toBe("recipientUnavailable");
    expect(await rowsOf(key, input.clientId, to.id)).toEqual({ messages: 0, attachments: 0, reads: 0, notifications: 0 });
    expect(await storedKeys()).toEqual(keysBefore);
  });
});
