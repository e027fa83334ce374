// Search everything: tickets, machines, leads and messages through the FTS5
// indexes of prisma/migrations/0010_search_index.sql, one query per kind
// whatever the number of results, each filtered by what the reader may open.
import { sql, sqlName, type Statement } from "../db/sql";
import { type Db } from "../db/client";
import { machineLabel, machineLabelSql } from "../machines/model";
import { joinGroupSql, TEAM } from "../messages/model";
import { LEADS_SQL, seesOnlyOwnReports, type TicketReader } from "../permissions";
import { readableKeysSql } from "../messages/members";
import { ELLIPSIS, HIT_END, HIT_START, hasHit, RESULTS_PER_KIND, toSegments, type ParsedSearch, type Segment } from "./model";

export interface TicketHit {
  ticketId: string;
  status: string;
  priority: string;
  machine: string;
  title: Segment[];
  /** Where the words matched when not in the title: the description's, a comment's or a voice note's transcript's passage. */
  passage: { source: "description" | "comments" | "voiceNotes"; segments: Segment[] } | null;
}

export interface MachineHit {
  id: number;
  status: string;
  name: Segment[];
  serialNumber: Segment[];
  location: Segment[];
}

export interface PersonHit {
  id: number;
  role: string;
  name: Segment[];
}

export interface MessageHit {
  id: number;
  conversationKey: string;
  /** The other person of a private conversation; null for the team channel and a group. */
  otherName: string | null;
  /** A group's name; null for the team channel and a private conversation. */
  groupName: string | null;
  senderName: string;
  createdAt: Date;
  passage: Segment[];
  /** The words were in the voice note's transcript (lib/voice/), not in the message's text. */
  inVoiceNote: boolean;
}

export interface KindResults<T> {
  items: T[];
  /** More matched than are shown. */
  more: boolean;
}

export interface SearchResults {
  tickets: KindResults<TicketHit>;
  machines: KindResults<MachineHit>;
  people: KindResults<PersonHit>;
  messages: KindResults<MessageHit>;
}

const START = HIT_START;
const END = HIT_END;
const LIMIT = RESULTS_PER_KIND + 1;
/** Words around a match in a long text (FTS5 snippet() counts tokens). */
// Each query orders by one key the FTS table serves itself, so highlight() and
// snippet() run for the rows shown only (a second sort key would make SQLite
// sort every match, computing all their snippets first). Tickets and messages
// come newest first: FTS5 walks its rowids backwards and LIMIT stops it, where
// ranking (bm25) must score every match, 60-100 ms for a word found in most of
// 20,000 tickets. Machines and people are few: best match first.
const PASSAGE_TOKENS = 14;

/**
 * The visibility rule of lib/permissions.ts (canSeeTicket) in SQL, for the
 * ticket search; tests/integration/site-search.test.ts proves the two agree.
 */
function visibleTicketsSql(reader: TicketReader): Statement {
  return seesOnlyOwnReports(reader) ? sql`AND t.reported_by = ${reader.id}` : sql``;
}

function kind<T>(rows: T[]): KindResults<T> {
  return { items: rows.slice(0, RESULTS_PER_KIND), more: rows.length > RESULTS_PER_KIND };
}

/** Every kind at once: four queries, however many results. Nothing is read for an empty search. */
export async function searchEverything(db: Db, reader: TicketReader, search: ParsedSearch): Promise<SearchResults> {
  const match = search.match;
  if (!match) return { tickets: kind([]), machines: kind([]), people: kind([]), messages: kind([]) };
  const [tickets, machines, people, messages] = await Promise.all([
    searchTickets(db, reader, match),
    searchMachines(db, match),
    searchPeople(db, match),
    searchMessages(db, reader, match),
  ]);
  return { tickets: kind(tickets), machines: kind(machines), people: kind(people), messages: kind(messages) };
}

interface TicketRow {
  ticket_id: string;
  status: string;
  priority: string;
  machine: string;
  title: string;
  description: string;
  comments: string;
  voice_notes: string;
}

async function searchTickets(db: Db, reader: TicketReader, match: string): Promise<TicketHit[]> {
  const rows = await db.$queryRaw<TicketRow[]>(sql`
    SELECT t.ticket_id, t.status, t.priority, ${sqlName(machineLabelSql("m"))} AS machine,
           highlight(tickets_fts, 1, ${START}, ${END}) AS title,
           snippet(tickets_fts, 2, ${START}, ${END}, ${ELLIPSIS}, ${PASSAGE_TOKENS}) AS description,
           snippet(tickets_fts, 3, ${START}, ${END}, ${ELLIPSIS}, ${PASSAGE_TOKENS}) AS comments,
           snippet(tickets_fts, 4, ${START}, ${END}, ${ELLIPSIS}, ${PASSAGE_TOKENS}) AS voice_notes
    FROM tickets_fts
    JOIN tickets t ON t.id = tickets_fts.rowid
    JOIN machines m ON m.id = t.machine_id
    WHERE tickets_fts MATCH ${match} AND t.deleted_at IS NULL ${visibleTicketsSql(reader)}
    ORDER BY tickets_fts.rowid DESC
    LIMIT ${LIMIT}`);
  return rows.map((row) => ({
    ticketId: row.ticket_id,
    status: row.status,
    priority: row.priority,
    machine: row.machine,
    title: toSegments(row.title),
    passage: hasHit(row.description)
      ? { source: "description", segments: toSegments(row.description) }
      : hasHit(row.comments)
        ? { source: "comments", segments: toSegments(row.comments) }
        : hasHit(row.voice_notes)
          ? { source: "voiceNotes", segments: toSegments(row.voice_notes) }
          : null,
  }));
}

interface MachineRow {
  id: number;
  status: string;
  machine_type: string;
  model: string;
  serial_number: string;
  location: string;
}

async function searchMachines(db: Db, match: string): Promise<MachineHit[]> {
  const rows = await db.$queryRaw<MachineRow[]>(sql`
    SELECT m.id, m.status,
           highlight(machines_fts, 0, ${START}, ${END}) AS machine_type,
           highlight(machines_fts, 1, ${START}, ${END}) AS model,
           highlight(machines_fts, 2, ${START}, ${END}) AS serial_number,
           highlight(machines_fts, 3, ${START}, ${END}) AS location
    FROM machines_fts
    JOIN machines m ON m.id = machines_fts.rowid
    WHERE machines_fts MATCH ${match}
    ORDER BY rank
    LIMIT ${LIMIT}`);
  return rows.map((row) => ({
    id: Number(row.id),
    status: row.status,
    // The label of the highlighted words, so the marks survive.
    name: toSegments(machineLabel({ machineType: row.machine_type, model: row.model })),
    serialNumber: toSegments(row.serial_number),
    location: toSegments(row.location),
  }));
}

async function searchPeople(db: Db, match: string): Promise<PersonHit[]> {
  const rows = await db.$queryRaw<{ id: number; role: string; name: string }[]>(sql`
    SELECT u.id, u.role, highlight(users_fts, 0, ${START}, ${END}) AS name
    FROM users_fts
    JOIN users u ON u.id = users_fts.rowid
    WHERE users_fts MATCH ${match} AND u.active = 1 AND ${sqlName(LEADS_SQL)}
    ORDER BY rank
    LIMIT ${LIMIT}`);
  return rows.map((row) => ({ id: Number(row.id), role: row.role, name: toSegments(row.name) }));
}

interface MessageRow {
  id: number;
  conversation_key: string;
  other_name: string | null;
  group_name: string | null;
  sender_name: string;
  created_at: string;
  content: string;
  transcript: string;
}

async function searchMessages(db: Db, reader: TicketReader, match: string): Promise<MessageHit[]> {
  // The conversations the reader may open (lib/messages/members.ts): the team's, their pairs and their groups.
  const rows = await db.$queryRaw<MessageRow[]>(sql`
    SELECT msg.id, msg.conversation_key, o.name AS other_name, g.name AS group_name, s.name AS sender_name, msg.created_at,
           snippet(messages_fts, 0, ${START}, ${END}, ${ELLIPSIS}, ${PASSAGE_TOKENS}) AS content,
           snippet(messages_fts, 1, ${START}, ${END}, ${ELLIPSIS}, ${PASSAGE_TOKENS}) AS transcript
    FROM messages_fts
    JOIN messages msg ON msg.id = messages_fts.rowid
    JOIN users s ON s.id = msg.sender_id
    LEFT JOIN users o ON msg.conversation_key <> ${TEAM} AND msg.conversation_key NOT GLOB 'g*'
      AND o.id = CASE WHEN msg.sender_id = ${reader.id} THEN msg.recipient_id ELSE msg.sender_id END
    ${sqlName(joinGroupSql("msg.conversation_key"))}
    WHERE messages_fts MATCH ${match} AND msg.deleted_at IS NULL AND ${readableKeysSql(reader, sql`msg.conversation_key`)}
    ORDER BY messages_fts.rowid DESC
    LIMIT ${LIMIT}`);
  return rows.map((row) => ({
    id: Number(row.id),
    conversationKey: row.conversation_key,
    otherName: row.conversation_key === TEAM || row.group_name !== null ? null : row.other_name,
    groupName: row.group_name,
    senderName: row.sender_name,
    createdAt: new Date(row.created_at),
    // A voice note's words (its transcript) when its text, if any, did not match.
    ...(!hasHit(row.content) && hasHit(row.transcript) ? { passage: toSegments(row.transcript), inVoiceNote: true } : { passage: toSegments(row.content), inVoiceNote: false }),
  }));
}
