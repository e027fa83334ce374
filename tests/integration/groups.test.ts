// Group conversations (lib/messages/groups.ts, members.ts) on the real local D1:
// who may create, rename, add, remove and leave, refused in words with nothing
// written; and membership asked everywhere a conversation is read: history, send,
// files, read pointers, the list and its counts, notifications, search, the hub's
// recipients. Every test makes its own people and groups.
import { describe, expect, it } from "vitest";
import { readGroupMembers } from "@/lib/messages/live-gate";
import type { LiveEvent } from "@/lib/messages/live";
import { addGroupMembers, createGroup, leaveGroup, removeGroupMember, renameGroup } from "@/lib/messages/groups";
import { conversationMembers, readableConversation, readableKeysSql } from "@/lib/messages/members";
import { groupKey, TEAM } from "@/lib/messages/model";
import { deleteMessage, markConversationRead, readHistory, sendMessage } from "@/lib/messages/operations";
import { countUnread, findReadableFile, getConversationHeader, getHistory, listConversations } from "@/lib/messages/queries";
import { sql } from "@/lib/db/sql";
import { searchEverything } from "@/lib/site-search/queries";
import { parseSearch } from "@/lib/site-search/model";
import { allRoles, type Role, type Who } from "@/lib/permissions";
import type { Actor } from "@/lib/operation";
import { freshDatabase } from "./helpers/local-d1";
import { directOffline, refusal } from "./helpers/refusal";

const t = freshDatabase();
let counter = 0;

/** A person of their own for each test: a role, and a name nobody else has. */
async function person(role: Role = "technician", name?: string): Promise<Actor> {
  counter++;
  const user = await t.db.user.create({
    data: { email: `g${counter}@groups.test`, name: name ?? `Personne ${counter}`, role, passwordHash: "x", ...(role === "guest" ? { company: "Hydro-Tech inc.", expiresAt: new Date(Date.now() + 86_400_000) } : {}) },
  });
  return { id: user.id, name: user.name, email: user.email, role };
}

const events: { conversationKey: string; event: LiveEvent }[] = [];
const live = { publishLive: async (conversationKey: string, event: LiveEvent) => void events.push({ conversationKey, event }) };
const create = directOffline(createGroup);
const rename = directOffline(renameGroup);
const add = directOffline(addGroupMembers);
const remove = directOffline(removeGroupMember);
const leave = directOffline(leaveGroup);
const send = directOffline(sendMessage);
const history = directOffline(readHistory);
const markRead = directOffline(markConversationRead);
const erase = directOffline(deleteMessage);

const say = (from: Who, conversation: string, content: string, extra = {}) =>
  send(t.db, from, { clientId: crypto.randomUUID(), conversation, content, photos: [], audio: [] }, { media: t.media, ...extra });

/** A group made by `lead` with `members`, and its key. */
async function group(lead: Actor, members: Actor[], name = `Groupe ${++counter}`) {
  const { key } = await create(t.db, lead, { name, members: members.map((m) => m.id) }, live);
  return { key, id: Number(key.slice(1)) };
}

/** What a table holds now: a refused change must leave it so. */
const snapshot = async () => ({
  groups: await t.db.conversation.count(),
  members: await t.db.conversationMember.findMany({ orderBy: { id: "asc" } }),
  messages: await t.db.message.count(),
  names: (await t.db.conversation.findMany({ select: { name: true } })).map((g) => g.name),
  notifications: await t.db.notification.count(),
  reads: await t.db.messageRead.count(),
});

async function expectRefusedUnchanged(attempt: () => Promise<unknown>, code: string) {
  const before = await snapshot();
  expect((await refusal(attempt())).code).toBe(code);
  expect(await snapshot()).toEqual(before);
}

/** The lines a group's conversation holds, as its members read them. */
async function lines(key: string) {
  return (await getHistory(t.db, key)).messages.flatMap((m) => (m.event ? [`${m.senderName}: ${m.event.kind} ${m.event.name}`] : []));
}

describe("creating a group", () => {
  for (const role of ["supervisor", "admin"] as const) {
    it(`is a ${role}'s: the group has its name, its creator and the people chosen, each told in its conversation`, async () => {
      const lead = await person(role, `Julie ${role}`);
      const [marc, guest] = [await person("operator", `Marc ${role}`), await person("guest", `Invitée ${role}`)];
      const { key } = await group(lead, [marc, guest], "Arrêt presse 3");
      const members = await conversationMembers(t.db, key);
      expect(members?.kind === "group" && [...members.members!].sort()).toEqual([lead.id, marc.id, guest.id].sort());
      expect(await lines(key)).toEqual([`Julie ${role}: created Arrêt presse 3`, `Julie ${role}: added Invitée ${role}`, `Julie ${role}: added Marc ${role}`]);
      // Every member sees it in their list; a change told is not a message to read.
      for (const member of [lead, marc, guest]) {
        const listed = (await listConversations(t.db, member.id)).find((c) => c.key === key);
        expect(listed).toMatchObject({ groupName: "Arrêt presse 3", unread: 0, last: { event: { kind: "added" } } });
      }
      // The members' open pages hear the lines and the group as it is.
      const told = events.filter((e) => e.conversationKey === key);
      expect(told.map((e) => e.event.type)).toEqual(["message", "message", "message", "members"]);
    });
  }

  for (const role of ["technician", "operator", "guest"] as const) {
    it(`is refused to a ${role}, and nothing is written`, async () => {
      const someone = await person(role);
      const other = await person();
      await expectRefusedUnchanged(() => create(t.db, someone, { name: "Mon groupe", members: [other.id] }, live), role === "guest" ? "notFound" : "forbidden");
    });
  }

  it("is refused in words without another person, or with someone deactivated, and nothing is written", async () => {
    const lead = await person("supervisor");
    const gone = await person();
    await t.db.user.update({ where: { id: gone.id }, data: { active: false } });
    await expectRefusedUnchanged(() => create(t.db, lead, { name: "Seul", members: [lead.id] }, live), "groupNeedsMembers");
    await expectRefusedUnchanged(() => create(t.db, lead, { name: "Seul", members: [] }, live), "groupNeedsMembers");
    await expectRefusedUnchanged(() => create(t.db, lead, { name: "Parti", members: [gone.id] }, live), "memberUnavailable");
    const blank = await refusal(create(t.db, lead, { name: "   ", members: [gone.id] }, live));
    expect(blank.code).toBe("invalid");
  });
});

describe("renaming a group", () => {
  it("is for a lead in it, told in its conversation; the same name writes nothing", async () => {
    const lead = await person("supervisor", "Sophie Renomme");
    const tech = await person();
    const { key, id } = await group(lead, [tech]);
    await rename(t.db, lead, { group: id, name: "Ligne 2  —  nuit" }, live);
    expect((await t.db.conversation.findUniqueOrThrow({ where: { id } })).name).toBe("Ligne 2 — nuit");
    expect((await lines(key)).at(-1)).toBe("Sophie Renomme: renamed Ligne 2 — nuit");
    const before = await snapshot();
    await rename(t.db, lead, { group: id, name: "Ligne 2 — nuit" }, live);
    expect(await snapshot()).toEqual(before);
  });

  it("is refused to a member who is not a lead, and to a lead outside the group, and nothing is written", async () => {
    const lead = await person("supervisor");
    const tech = await person();
    const otherLead = await person("admin");
    const { id } = await group(lead, [tech]);
    await expectRefusedUnchanged(() => rename(t.db, tech, { group: id, name: "Pirate" }, live), "forbidden");
    await expectRefusedUnchanged(() => rename(t.db, otherLead, { group: id, name: "Pirate" }, live), "notInConversation");
  });
});

describe("adding members", () => {
  it("is for a lead in the group: each person added is told, and finds what was said before them read, not unread", async () => {
    const lead = await person("admin", "Alain Ajoute");
    const first = await person();
    const { key, id } = await group(lead, [first]);
    await say(lead, key, "Avant l'arrivée de Paul");
    const paul = await person("operator", "Paul Nouveau");
    const { added } = await add(t.db, lead, { group: id, members: [paul.id, first.id] }, live);
    expect(added).toBe(1);
    expect((await lines(key)).at(-1)).toBe("Alain Ajoute: added Paul Nouveau");
    expect((await listConversations(t.db, paul.id)).find((c) => c.key === key)?.unread).toBe(0);
    expect((await history(t.db, paul, { conversation: key })).messages.some((m) => m.content === "Avant l'arrivée de Paul")).toBe(true);
    await say(first, key, "Bienvenue Paul");
    expect((await listConversations(t.db, paul.id)).find((c) => c.key === key)?.unread).toBe(1);
  });

  it("is refused to a member who is not a lead and to a lead outside it, and with nobody chosen", async () => {
    const lead = await person("supervisor");
    const tech = await person();
    const outsider = await person("supervisor");
    const newcomer = await person();
    const { id } = await group(lead, [tech]);
    await expectRefusedUnchanged(() => add(t.db, tech, { group: id, members: [newcomer.id] }, live), "forbidden");
    await expectRefusedUnchanged(() => add(t.db, outsider, { group: id, members: [newcomer.id] }, live), "notInConversation");
    await expectRefusedUnchanged(() => add(t.db, lead, { group: id, members: [] }, live), "groupNeedsMembers");
  });
});

describe("a member removed", () => {
  it("loses the whole group at once: history, list, counts, notifications, files, search, header; the others are told", async () => {
    const lead = await person("supervisor", "Line Retire");
    const marc = await person("technician", "Marc Retire");
    const tech = await person();
    const { key, id } = await group(lead, [marc, tech]);
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(1)])], "p.jpg", { type: "image/jpeg" });
    const sent = await send(t.db, tech, { clientId: crypto.randomUUID(), conversation: key, content: "Joint hydraulique zébulon", photos: [photo], audio: [] }, { media: t.media });
    expect(await t.db.notification.count({ where: { recipientId: marc.id, messageId: sent.id } })).toBe(1);
    expect(await countUnread(t.db, marc.id)).toBeGreaterThan(0);
    events.length = 0;

    await remove(t.db, lead, { group: id, member: marc.id }, live);

    expect(await readableConversation(t.db, marc, key)).toBeNull();
    expect((await refusal(history(t.db, marc, { conversation: key }))).code).toBe("notInConversation");
    expect((await refusal(markRead(t.db, marc, { conversation: key, upTo: sent.id }))).code).toBe("notInConversation");
    expect((await listConversations(t.db, marc.id)).some((c) => c.key === key)).toBe(false);
    expect(await countUnread(t.db, marc.id)).toBe(0);
    expect(await t.db.notification.count({ where: { recipientId: marc.id, messageId: sent.id } })).toBe(0);
    expect(await t.db.messageRead.count({ where: { userId: marc.id, conversationKey: key } })).toBe(0);
    expect(await findReadableFile(t.db, marc, sent.id, String(sent.photoIds[0]))).toBeNull();
    expect(await getConversationHeader(t.db, marc, key)).toBeNull();
    const found = await searchEverything(t.db, { ...marc, visibility: "all" }, parseSearch("zébulon"));
    expect(found.messages.items).toEqual([]);
    expect((await searchEverything(t.db, { ...tech, visibility: "all" }, parseSearch("zébulon"))).messages.items.map((m) => m.groupName)).toHaveLength(1);
    // They write nothing there any more.
    await expectRefusedUnchanged(() => say(marc, key, "Encore là ?"), "notInConversation");
    // The group's pages hear the line and who is left; Marc's own, that he is out.
    expect(events.map((e) => e.event.type).sort()).toEqual(["members", "message", "removed"]);
    expect(events.find((e) => e.event.type === "removed")?.event).toEqual({ type: "removed", conversationKey: key, userId: marc.id });
    const members = events.find((e) => e.event.type === "members")?.event;
    expect(members?.type === "members" && members.group.members.map((m) => m.id).sort()).toEqual([lead.id, tech.id].sort());
    expect((await lines(key)).at(-1)).toBe("Line Retire: removed Marc Retire");
    // The hub fans the group's next events out to those left: its own D1 query agrees.
    expect((await readGroupMembers(t.d1, id)).sort()).toEqual([lead.id, tech.id].sort());
  });

  it("is refused to a member who is not a lead, for oneself (one leaves instead), and for someone not in it; nothing is written", async () => {
    const lead = await person("admin");
    const tech = await person();
    const other = await person();
    const stranger = await person();
    const { id } = await group(lead, [tech, other]);
    await expectRefusedUnchanged(() => remove(t.db, tech, { group: id, member: other.id }, live), "forbidden");
    await expectRefusedUnchanged(() => remove(t.db, lead, { group: id, member: lead.id }, live), "forbidden");
    await expectRefusedUnchanged(() => remove(t.db, lead, { group: id, member: stranger.id }, live), "notGroupMember");
  });

  it("can be added again, and then reads the group again from where they come back", async () => {
    const lead = await person("supervisor");
    const tech = await person();
    const { key, id } = await group(lead, [tech]);
    await remove(t.db, lead, { group: id, member: tech.id }, live);
    await add(t.db, lead, { group: id, members: [tech.id] }, live);
    expect(await readableConversation(t.db, tech, key)).not.toBeNull();
    expect(await t.db.conversationMember.count({ where: { conversationId: id, userId: tech.id } })).toBe(2);
  });
});

describe("leaving a group", () => {
  for (const role of allRoles) {
    it(`is any member's, a ${role}'s too: told in the group, and then it is gone for them`, async () => {
      const lead = await person("supervisor");
      const member = await person(role, `Partant ${role}`);
      const other = await person();
      const { key, id } = await group(lead, [member, other]);
      await leave(t.db, member, { group: id }, live);
      expect((await lines(key)).at(-1)).toBe(`Partant ${role}: left Partant ${role}`);
      expect(await readableConversation(t.db, member, key)).toBeNull();
      await expectRefusedUnchanged(() => leave(t.db, member, { group: id }, live), "notInConversation");
    });
  }
});

describe("a group's messages", () => {
  it("are written by members only, tell the other members by their preferences, and are read and deleted as in a pair", async () => {
    const lead = await person("supervisor", "Nadia Groupe");
    const [tech, quiet, guest] = [await person(), await person(), await person("guest")];
    const outsider = await person("admin");
    const { key } = await group(lead, [tech, quiet, guest]);
    await t.db.notificationPreference.create({ data: { userId: quiet.id, kind: "message", channel: "off", updatedAt: new Date() } });

    await expectRefusedUnchanged(() => say(outsider, key, "Je m'invite"), "notInConversation");
    const sent = await say(guest, key, "Pièce livrée demain");
    const told = await t.db.notification.findMany({ where: { messageId: sent.id }, orderBy: { recipientId: "asc" } });
    expect(told.map((n) => [n.recipientId, n.kind, n.push])).toEqual([
      [lead.id, "message", true],
      [tech.id, "message", true],
    ]);
    expect((await refusal(history(t.db, outsider, { conversation: key }))).code).toBe("notInConversation");
    expect((await refusal(erase(t.db, outsider, { id: sent.id }))).code).toBe("notFound");
    // A member other than the sender may not delete it, not even a lead; the sender may.
    expect((await refusal(erase(t.db, lead, { id: sent.id }))).code).toBe("forbidden");
    await markRead(t.db, tech, { conversation: key, upTo: sent.id }, live);
    expect(await t.db.notification.count({ where: { recipientId: tech.id, messageId: sent.id, readAt: null } })).toBe(0);
    expect(await erase(t.db, guest, { id: sent.id }, live)).toMatchObject({ id: sent.id });
    // A group's changes told in it are nobody's to delete.
    const line = (await getHistory(t.db, key)).messages.find((m) => m.event)!;
    expect((await refusal(erase(t.db, lead, { id: line.id }))).code).toBe("forbidden");
  });

  it("carry photos and voice notes, which every member opens and nobody outside the group does", async () => {
    const lead = await person("supervisor");
    const [tech, guest] = [await person(), await person("guest")];
    const outsider = await person("admin");
    const { key } = await group(lead, [tech, guest]);
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(1)])], "p.jpg", { type: "image/jpeg" });
    const note = new File([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(60).fill(2)])], "note.webm", { type: "audio/webm" });
    const sent = await send(t.db, tech, { clientId: crypto.randomUUID(), conversation: key, content: "", photos: [photo], audio: [note], audioDuration: 3 }, { media: t.media });
    for (const reader of [lead, tech, guest]) {
      expect(await findReadableFile(t.db, reader, sent.id, "audio")).toMatchObject({ type: "audio/webm" });
      expect(await findReadableFile(t.db, reader, sent.id, String(sent.photoIds[0]))).toMatchObject({ type: "image/jpeg" });
    }
    expect(await findReadableFile(t.db, outsider, sent.id, "audio")).toBeNull();
    expect(await findReadableFile(t.db, outsider, sent.id, String(sent.photoIds[0]))).toBeNull();
    expect((await getHistory(t.db, key)).messages.at(-1)).toMatchObject({ id: sent.id, audioDuration: 3 });
  });

  it("reach the group's open pages, and a read there only the reader's own", async () => {
    const lead = await person("admin");
    const tech = await person();
    const { key } = await group(lead, [tech]);
    events.length = 0;
    const sent = await say(tech, key, "En direct", live);
    await markRead(t.db, lead, { conversation: key, upTo: sent.id }, live);
    expect(events.map(({ conversationKey, event }) => [conversationKey, event.type])).toEqual([
      [key, "message"],
      [key, "read"],
    ]);
  });
});

describe("who is in a conversation", () => {
  it("is one rule in JS (readableConversation) and in SQL (readableKeysSql), for every role and every kind of conversation", async () => {
    const lead = await person("supervisor");
    const people = await Promise.all(allRoles.map((role) => person(role)));
    const [inGroup, leftGroup] = [people.slice(0, 3), people.slice(3)];
    const { key, id } = await group(lead, [...inGroup, ...leftGroup]);
    for (const member of leftGroup) await remove(t.db, lead, { group: id, member: member.id }, live);
    const keys = [TEAM, `${Math.min(people[0]!.id, people[1]!.id)}-${Math.max(people[0]!.id, people[1]!.id)}`, key, groupKey(id + 100_000)];
    for (const reader of [lead, ...people]) {
      const js = [];
      for (const k of keys) if (await readableConversation(t.db, reader, k)) js.push(k);
      const rows = await t.db.$queryRaw<{ k: string }[]>(
        sql`SELECT value AS k FROM json_each(${JSON.stringify(keys)}) WHERE ${readableKeysSql(reader, sql`value`)}`,
      );
      expect(rows.map((r) => r.k).sort(), reader.role).toEqual(js.sort());
    }
    // And the hub's own query is the members' rule.
    const members = await conversationMembers(t.db, key);
    expect((await readGroupMembers(t.d1, id)).sort()).toEqual([...(members?.kind === "group" ? members.members! : [])].sort());
  });
});
