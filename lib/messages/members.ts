// WHO IS IN A CONVERSATION: the one question every reader asks (a conversation's
// page, its history, its files, a read, a send, a delete, "Créer un ticket"),
// answered here instead of each parsing keys. The team channel is the plant's
// people (never a guest); a private pair, its two people; a group ("g<id>"), the
// rows of conversation_members still without removed_at, read from D1 each time,
// so a removal counts from the next request on. The same rule as SQL, for the
// queries that filter many conversations at once (the list, the search, who is
// told of a message), is below; tests/integration/groups.test.ts proves the forms
// equal, and the hub reads a group's members with its own D1 query
// (readGroupMembers, lib/messages/live-gate.ts), proven equal there too.
import type { Db } from "../db/client";
import { sql, type Statement } from "../db/sql";
import { canReadConversation, isGuest, type Who } from "../permissions";
import { parseConversation, TEAM, type Conversation } from "./model";

/** The conversation a key names, a group's current members read with it (one query); null when it names none. */
export async function conversationMembers(db: Db, key: string): Promise<Conversation | null> {
  const conversation = parseConversation(key);
  if (conversation?.kind !== "group") return conversation;
  const rows = await db.conversationMember.findMany({ where: { conversationId: conversation.groupId, removedAt: null }, select: { userId: true } });
  return { ...conversation, members: rows.map((row) => row.userId) };
}

/** The conversation, for a reader who may open it; null otherwise, as for one that does not exist. */
export async function readableConversation(db: Db, reader: Who, key: string): Promise<Conversation | null> {
  const conversation = await conversationMembers(db, key);
  return conversation && canReadConversation(reader, conversation) ? conversation : null;
}

/** A group's current members, as a subquery of user ids; `groupId` may be a column or a subquery. */
export function groupMembersSql(groupId: number | Statement): Statement {
  return sql`SELECT user_id FROM conversation_members WHERE conversation_id = ${groupId} AND removed_at IS NULL`;
}

/**
 * canReadConversation as SQL over a column of conversation keys, for `reader`:
 * the team's and their pairs' (not for a guest), and their current groups'.
 */
export function readableKeysSql(reader: Who, column: Statement): Statement {
  const groups = sql`${column} IN (SELECT 'g' || conversation_id FROM conversation_members WHERE user_id = ${reader.id} AND removed_at IS NULL)`;
  if (isGuest(reader)) return groups;
  // A pair's key is "<smaller>-<larger>": the reader's id on either side.
  return sql`(${column} = ${TEAM} OR ${column} LIKE ${`${reader.id}-%`} OR ${column} LIKE ${`%-${reader.id}`} OR ${groups})`;
}
