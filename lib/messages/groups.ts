// GROUP CONVERSATIONS: named groups of chosen people. Leads create them, rename
// them, add and remove members (permission "group.manage", and only in a group
// they are in); any member leaves. Each change is one D1 batch with its record:
// a line in the group's conversation ("Julie a ajouté Marc", a message carrying
// an event, model.ts), written only while the actor is still a member (each
// statement's own condition, so a removal at the same moment is not slipped past).
//
// A member who is removed, or leaves, loses the whole group at once, history
// included: the same batch takes their notifications of its messages and their
// read pointer, so the list, the counts and the bell drop it; its pages, files and
// history answer 404 and the search stops finding it (members.ts asks D1 each
// time); and their open pages hear nothing more of it, since the hub reads the
// group's members at every event it fans out (lib/messages/live-hub.ts).
import { z } from "zod";
import { continueAfterResponse } from "../after-response";
import { writeBatch } from "../db/batch";
import type { Db } from "../db/client";
import { sql, sqlDate, type Statement } from "../db/sql";
import { defineOperation, refuse, type ActionContext } from "../operation";
import type { Actor } from "../operation";
import { publishLive } from "./live";
import { groupMembersSql, readableConversation } from "./members";
import { groupKey, MAX_ADDED_AT_ONCE, MAX_GROUP_NAME, parseGroupEvent, type MessageView } from "./model";
import { getGroup } from "./queries";

const id = z.coerce.number().int().positive();
const groupName = z
  .string()
  .transform((name) => name.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1).max(MAX_GROUP_NAME));
/** People chosen in a form's picker: one id or several, none when nothing is ticked. */
export const chosenPeople = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(id).max(MAX_ADDED_AT_ONCE));

/** The members who are `groupId`'s members now, as D1 says at this statement. */
const isMember = (userId: number | Statement, groupId: number | Statement) => sql`${userId} IN (${groupMembersSql(groupId)})`;

/**
 * The statements that add people to groups, for a batch: the memberships (active
 * people not in yet, in the groups the actor is in now), a line in each group's
 * conversation per person added, and their read pointers at its end (what was
 * said before they came is theirs to read, not unread). `groups` is a subquery
 * of ids in a column named id, `people` one of ids. The lines come back
 * (RETURNING) for the live pages.
 */
export function joinGroups(groups: Statement, people: Statement, actorId: number, now: Date): Statement[] {
  const at = sqlDate(now);
  // The rows this statement adds: by whom and at which instant (the actor's own, at a group's creation, aside).
  const added = sql`cm.added_by = ${actorId} AND cm.user_id <> ${actorId} AND cm.added_at = ${at} AND cm.removed_at IS NULL AND cm.conversation_id IN (${groups})`;
  return [
    sql`INSERT INTO conversation_members (conversation_id, user_id, added_by, added_at)
        SELECT g.id, u.id, ${actorId}, ${at}
        FROM (${groups}) AS g JOIN users u ON u.active = 1 AND u.id IN (${people})
        WHERE ${isMember(actorId, sql`g.id`)} AND NOT ${isMember(sql`u.id`, sql`g.id`)}
        ORDER BY g.id, COALESCE(u.name_key, u.name)`,
    sql`INSERT INTO messages (conversation_key, sender_id, content, event, created_at)
        SELECT 'g' || cm.conversation_id, ${actorId}, '', json_object('kind', 'added', 'name', u.name), ${at}
        FROM conversation_members cm JOIN users u ON u.id = cm.user_id
        WHERE ${added}
        ORDER BY cm.id
        RETURNING id, conversation_key, event`,
    sql`INSERT INTO message_reads (conversation_key, user_id, other_user_id, last_read_id, updated_at)
        SELECT 'g' || cm.conversation_id, cm.user_id, NULL,
               (SELECT COALESCE(MAX(m.id), 0) FROM messages m WHERE m.conversation_key = 'g' || cm.conversation_id), ${at}
        FROM conversation_members cm
        WHERE ${added}
        ON CONFLICT (conversation_key, user_id) DO UPDATE SET last_read_id = excluded.last_read_id, updated_at = excluded.updated_at`,
  ];
}

/** The lines a batch wrote (RETURNING id, conversation_key, event), as the conversation shows them. */
export function linesWritten(rows: Record<string, unknown>[], actor: Pick<Actor, "id" | "name">, now: Date): MessageView[] {
  return rows.map((row) => ({
    id: Number(row.id),
    clientId: null,
    conversationKey: String(row.conversation_key),
    senderId: actor.id,
    senderName: actor.name,
    content: "",
    createdAt: now.toISOString(),
    deleted: false,
    transcript: null,
    audioDuration: null,
    photoIds: [],
    ticketId: null,
    event: parseGroupEvent(String(row.event)),
  }));
}

/**
 * After D1 has the change: each line to its group's open pages, and each group's
 * name and members as they are now (one query per group).
 */
export async function tellGroups(ctx: Pick<ActionContext, "db" | "publishLive">, lines: MessageView[], extra: Promise<void>[] = []): Promise<void> {
  const keys = [...new Set(lines.map((line) => line.conversationKey))];
  const groups = await Promise.all(keys.map((key) => getGroup(ctx.db, Number(key.slice(1)))));
  continueAfterResponse(
    ...lines.map((message) => publishLive(ctx, message.conversationKey, { type: "message", message })),
    ...groups.flatMap((group) => (group ? [publishLive(ctx, groupKey(group.id), { type: "members", conversationKey: groupKey(group.id), group })] : [])),
    ...extra,
  );
}

/** The group as its member `actor` sees it; refused as one that does not exist otherwise. */
async function groupOf(db: Db, actor: Actor, groupId: number) {
  const conversation = await readableConversation(db, actor, groupKey(groupId));
  if (conversation?.kind !== "group") refuse("notInConversation");
  return conversation;
}

/** Refuses a choice of people when one of them is no longer an active account. */
async function refuseUnavailable(db: Db, people: number[]) {
  const active = await db.user.count({ where: { id: { in: people }, active: true } });
  if (active !== people.length) refuse("memberUnavailable", { field: "members" });
}

const oneGroup = (groupId: number) => sql`SELECT ${groupId} AS id`;
/** Ids as a subquery, in one bound parameter whatever their number (D1 binds at most 100). */
export const idsSql = (ids: number[]) => sql`SELECT value AS id FROM json_each(${JSON.stringify(ids)})`;

/** A new group of the actor and the people chosen: its line "Julie a créé le groupe", then one per person added. */
export const createGroup = defineOperation(
  { input: z.object({ name: groupName, members: chosenPeople }), permission: "group.manage" },
  async (input, ctx): Promise<{ key: string }> => {
    const { db, user } = ctx;
    const now = ctx.now ?? new Date();
    const people = [...new Set(input.members)].filter((person) => person !== user.id);
    if (!people.length) refuse("groupNeedsMembers", { field: "members" });
    await refuseUnavailable(db, people);
    // The group just inserted: ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
    const created = sql`SELECT MAX(id) AS id FROM conversations`;
    const at = sqlDate(now);
    const results = await writeBatch(db, [
      sql`INSERT INTO conversations (name, created_by, created_at, updated_at) VALUES (${input.name}, ${user.id}, ${at}, ${at})`,
      sql`INSERT INTO conversation_members (conversation_id, user_id, added_by, added_at) VALUES ((${created}), ${user.id}, ${user.id}, ${at})`,
      sql`INSERT INTO messages (conversation_key, sender_id, content, event, created_at)
          VALUES ('g' || (${created}), ${user.id}, '', json_object('kind', 'created', 'name', ${input.name}), ${at})
          RETURNING id, conversation_key, event`,
      ...joinGroups(created, idsSql(people), user.id, now),
    ]);
    const lines = linesWritten([...results[2]!.rows, ...results[4]!.rows], user, now);
    await tellGroups(ctx, lines);
    return { key: lines[0]!.conversationKey };
  },
);

export const renameGroup = defineOperation(
  { input: z.object({ group: id, name: groupName }), permission: "group.manage" },
  async (input, ctx): Promise<{ key: string; name: string }> => {
    const { db, user } = ctx;
    const now = ctx.now ?? new Date();
    const key = (await groupOf(db, user, input.group)).key;
    const at = sqlDate(now);
    const [renamed, line] = await writeBatch(db, [
      sql`UPDATE conversations SET name = ${input.name}, updated_at = ${at}
          WHERE id = ${input.group} AND name <> ${input.name} AND ${isMember(user.id, input.group)}`,
      sql`INSERT INTO messages (conversation_key, sender_id, content, event, created_at)
          SELECT ${key}, ${user.id}, '', json_object('kind', 'renamed', 'name', ${input.name}), ${at} WHERE changes() > 0
          RETURNING id, conversation_key, event`,
    ]);
    if (!renamed!.changes) {
      // The same name: nothing to tell. Otherwise the actor left meanwhile.
      const group = await getGroup(db, input.group);
      if (group?.name !== input.name) refuse("notInConversation");
    }
    await tellGroups(ctx, linesWritten(line!.rows, user, now));
    return { key, name: input.name };
  },
);

export const addGroupMembers = defineOperation(
  { input: z.object({ group: id, members: chosenPeople }), permission: "group.manage" },
  async (input, ctx): Promise<{ added: number }> => {
    const { db, user } = ctx;
    const now = ctx.now ?? new Date();
    await groupOf(db, user, input.group);
    const people = [...new Set(input.members)];
    if (!people.length) refuse("groupNeedsMembers", { field: "members" });
    await refuseUnavailable(db, people);
    const results = await writeBatch(db, joinGroups(oneGroup(input.group), idsSql(people), user.id, now));
    const lines = linesWritten(results[1]!.rows, user, now);
    await tellGroups(ctx, lines);
    return { added: lines.length };
  },
);

/**
 * A membership ends (removed by a lead, or left): the member's row closed, the
 * line that tells it, and what the member held of the group (their notifications
 * of its messages, their read pointer), taken only once they are out, so a
 * refused change takes nothing. Then the group's pages hear the line and the new
 * members, and the member's own pages that they are out.
 */
async function endMembership(ctx: ActionContext, groupId: number, memberId: number, kind: "removed" | "left") {
  const { db, user } = ctx;
  const now = ctx.now ?? new Date();
  const key = groupKey(groupId);
  const at = sqlDate(now);
  const out = sql`NOT ${isMember(memberId, groupId)}`;
  const [ended, line] = await writeBatch(db, [
    sql`UPDATE conversation_members SET removed_at = ${at}, removed_by = ${user.id}
        WHERE conversation_id = ${groupId} AND user_id = ${memberId} AND removed_at IS NULL AND ${isMember(user.id, groupId)}`,
    sql`INSERT INTO messages (conversation_key, sender_id, content, event, created_at)
        SELECT ${key}, ${user.id}, '', json_object('kind', ${kind}, 'name', u.name), ${at} FROM users u WHERE u.id = ${memberId} AND changes() > 0
        RETURNING id, conversation_key, event`,
    sql`DELETE FROM notifications WHERE recipient_id = ${memberId} AND message_id IN (SELECT id FROM messages WHERE conversation_key = ${key}) AND ${out}`,
    sql`DELETE FROM message_reads WHERE conversation_key = ${key} AND user_id = ${memberId} AND ${out}`,
  ]);
  if (!ended!.changes) refuse(kind === "left" ? "notInConversation" : "notGroupMember");
  await tellGroups(ctx, linesWritten(line!.rows, user, now), [publishLive(ctx, key, { type: "removed", conversationKey: key, userId: memberId })]);
  return { key };
}

export const removeGroupMember = defineOperation(
  { input: z.object({ group: id, member: id }), permission: "group.manage" },
  async (input, ctx) => {
    await groupOf(ctx.db, ctx.user, input.group);
    // One's own membership ends by leaving: the group then says "a quitté", not "a retiré".
    if (input.member === ctx.user.id) refuse("forbidden");
    return endMembership(ctx, input.group, input.member, "removed");
  },
);

/** "Quitter le groupe": any member, whatever their role. */
export const leaveGroup = defineOperation({ input: z.object({ group: id }), permission: "message.read" }, async (input, ctx) => {
  await groupOf(ctx.db, ctx.user, input.group);
  return endMembership(ctx, input.group, ctx.user.id, "left");
});
