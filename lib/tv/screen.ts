// What a shop screen shows (/tv/<secret>), and nothing more: machines down and
// since when, overdue tickets, open critical and high ones, today's planned work,
// the work completed today, the counts by column, the broadcasts showing, and the
// first names of the team on shift. No description, comment, message or reporter;
// names are first names, or the team. Worded in the screen's language on the
// server; the page (components/tv/) lays it out and reads it again when the hub
// says something changed (GET /tv/<secret>/read). Five queries, run together,
// after the link and the settings.
import type { Db } from "../db/client";
import { sqlDate } from "../db/sql";
import { messagesFor, type Locale } from "../i18n";
import { machineLabelSql } from "../machines/model";
import { assignableWhere } from "../permissions";
import { whoIsOnline } from "../messages/live";
import { getSettings, type Settings } from "../settings/settings";
import { columnName, CLOSED_KEYS_SQL, stageKeysSql, type ColumnColor, type Stage } from "../tickets/columns";
import { OPEN_SQL, OVERDUE_SQL, OVERDUE_STAGE, TEAM_ASSIGNEE, type TicketPriority } from "../tickets/model";
import { factoryToday, PRIORITY_ORDER_SQL } from "../tickets/work-order";
import { isUrgency, type BroadcastUrgency } from "./broadcasts";
import { findScreenLink, screenPath } from "./links";
import { firstNames } from "./names";

/** Lines a list shows: what fits, read from 5 metres, at 1920×1080 as at 1280×720. */
export const SCREEN_LIST_SIZE = 6;

export interface ScreenTicket {
  id: number;
  code: string;
  title: string;
  machine: string;
  priority: TicketPriority;
  priorityLabel: string;
  statusLabel: string;
  /** The assignee's first name, the team, or nobody. */
  who: string;
  /** ISO: when it was due (overdue, today's), or completed (done). */
  at: string | null;
}

export interface ScreenList {
  items: ScreenTicket[];
  /** Every ticket the list's rule matches, shown or not. */
  total: number;
}

export interface ScreenView {
  /** When the server started reading it (its clock, ms). */
  readAt: number;
  /** The next moment what it shows changes with no one acting (a ticket falls overdue, the day ends, a broadcast starts or ends). */
  nextChangeAt: number | null;
  company: string;
  down: { machineId: number; machine: string; since: string; ticket: string | null; title: string | null }[];
  overdue: ScreenList;
  urgent: ScreenList;
  today: ScreenList;
  done: ScreenList;
  /** Tickets by column, in the board's order (the plant's columns, the archived ones aside). */
  counts: { key: string; label: string; color: ColumnColor; count: number }[];
  broadcasts: { id: number; text: string; urgency: BroadcastUrgency; image: string | null }[];
  /** First names of the people who can take work and have Atelier open now (hidden ones never). */
  onShift: string[];
}

interface TicketRow {
  list: "overdue" | "urgent" | "today" | "done";
  id: number;
  ticket_id: string;
  title: string;
  priority: string;
  status: string;
  assigned_to: number | null;
  scheduled_date: string | null;
  completed_at: string | null;
  assignee: string | null;
  machine: string;
  total: number;
}

/** One arm of the lists' query: ?1 is now, ?2 and ?3 the factory day's start and end. */
const list = (name: TicketRow["list"], where: string, order: string) => `SELECT * FROM (
  SELECT '${name}' AS list, t.id, t.ticket_id, t.title, t.priority, t.status, t.assigned_to, t.scheduled_date, t.completed_at,
         a.name AS assignee, ${machineLabelSql("m")} AS machine, COUNT(*) OVER () AS total
  FROM tickets t JOIN machines m ON m.id = t.machine_id LEFT JOIN users a ON a.id = t.assigned_to
  WHERE ${where} ORDER BY ${order} LIMIT ${SCREEN_LIST_SIZE})`;

/** The four lists in one query, each bounded, each with its full count. */
const LISTS_SQL = [
  list("overdue", OVERDUE_SQL, "t.scheduled_date, t.id"),
  list("urgent", `${OPEN_SQL} AND t.priority IN ('critical', 'high')`, `${PRIORITY_ORDER_SQL}, t.created_at, t.id`),
  list("today", `t.deleted_at IS NULL AND t.status NOT IN ${stageKeysSql("archived")} AND t.scheduled_date >= ?2 AND t.scheduled_date < ?3`, "t.scheduled_date, t.id"),
  list("done", `t.deleted_at IS NULL AND t.status IN ${CLOSED_KEYS_SQL} AND t.completed_at >= ?2 AND t.completed_at < ?3`, "t.completed_at DESC, t.id DESC"),
].join("\nUNION ALL\n");

/** The plant's columns in the board's order with their counts, and the next moment a ticket falls overdue (?1: now). */
const COUNTS_SQL = `SELECT c.key, c.stage, c.name_fr, c.name_en, c.color, COUNT(t.id) AS n,
    (SELECT MIN(s.scheduled_date) FROM tickets s WHERE s.deleted_at IS NULL AND s.assigned_to IS NOT NULL
       AND s.status IN ${stageKeysSql(OVERDUE_STAGE)} AND s.scheduled_date >= ?1) AS next_overdue
  FROM board_columns c LEFT JOIN tickets t ON t.status = c.key AND t.deleted_at IS NULL
  WHERE c.deleted_at IS NULL
  GROUP BY c.id ORDER BY c.position, c.id`;

interface CountRow {
  key: string;
  stage: Stage;
  name_fr: string | null;
  name_en: string | null;
  color: ColumnColor;
  n: number;
  next_overdue: string | null;
}

/** The latest stop first: the one the shop may not know of yet (each has its own alert in turn anyway). */
const DOWN_SQL = `SELECT m.id, ${machineLabelSql("m")} AS machine, m.down_since, t.ticket_id, t.title
  FROM machines m LEFT JOIN tickets t ON t.id = m.down_ticket_id
  WHERE m.down_since IS NOT NULL ORDER BY m.down_since DESC, m.id DESC`;

/** Broadcasts before the urgent ones: the urgent first, then the oldest. */
const urgencyRank: Record<BroadcastUrgency, number> = { urgent: 0, warning: 1, info: 2 };

export interface ScreenReadOptions {
  locale: Locale;
  settings: Pick<Settings, "timeZone" | "companyName">;
  now: Date;
  /** Who is online (lib/messages/presence.ts), by user id: asked while the lists are read. */
  online: () => Promise<number[]>;
  /** Where the screen fetches a broadcast's image: under its own link. */
  imagePath: (broadcastId: number) => string;
}

export async function readScreen(db: Db, { locale, settings, now, online, imagePath }: ScreenReadOptions): Promise<ScreenView> {
  const t = messagesFor(locale);
  const today = factoryToday(now, settings.timeZone);
  const [rows, counts, down, broadcasts, onShift] = await Promise.all([
    db.$queryRawUnsafe<TicketRow[]>(LISTS_SQL, sqlDate(now), sqlDate(today.start), sqlDate(today.end)),
    db.$queryRawUnsafe<CountRow[]>(COUNTS_SQL, sqlDate(now)),
    db.$queryRawUnsafe<{ id: number; machine: string; down_since: string; ticket_id: string | null; title: string | null }[]>(DOWN_SQL),
    db.broadcast.findMany({ where: { endsAt: { gt: now } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: 50 }),
    online().then((ids) => peopleOnline(db, ids)),
  ]);
  const columnNames = new Map(counts.map((row) => [row.key, columnName({ key: row.key, nameFr: row.name_fr, nameEn: row.name_en }, locale, t)]));
  const names = firstNames([...rows.flatMap((row) => (row.assignee ? [row.assignee] : [])), ...onShift]);
  const who = (row: TicketRow) =>
    row.assigned_to === null ? t.tv.screen.nobody : Number(row.assigned_to) === TEAM_ASSIGNEE ? t.tv.screen.team : (names.get(row.assignee ?? "") ?? t.tv.screen.nobody);
  const lists = Object.fromEntries(
    (["overdue", "urgent", "today", "done"] as const).map((name) => {
      const mine = rows.filter((row) => row.list === name);
      const items = mine.map((row) => ({
        id: Number(row.id),
        code: row.ticket_id,
        title: row.title,
        machine: row.machine,
        priority: row.priority as TicketPriority,
        priorityLabel: t.priority[row.priority as TicketPriority] ?? row.priority,
        statusLabel: columnNames.get(row.status) ?? row.status,
        who: who(row),
        at: name === "done" ? iso(row.completed_at) : iso(row.scheduled_date),
      }));
      return [name, { items, total: Number(mine[0]?.total ?? 0) }];
    }),
  ) as Record<TicketRow["list"], ScreenList>;
  const showing = broadcasts.filter((b) => b.startsAt <= now);
  const nextOverdue = counts.find((row) => row.next_overdue)?.next_overdue;
  const boundaries = [
    today.end.getTime(),
    ...(nextOverdue ? [new Date(nextOverdue).getTime()] : []),
    ...broadcasts.map((b) => (b.startsAt > now ? b.startsAt : b.endsAt).getTime()),
  ];
  return {
    readAt: now.getTime(),
    nextChangeAt: Math.min(...boundaries),
    company: settings.companyName,
    down: down.map((row) => ({ machineId: Number(row.id), machine: row.machine, since: iso(row.down_since)!, ticket: row.ticket_id, title: row.title })),
    ...lists,
    counts: counts
      .filter((row) => row.stage !== "archived")
      .map((row) => ({ key: row.key, label: columnNames.get(row.key)!, color: row.color, count: Number(row.n) })),
    broadcasts: showing
      .map((b) => ({ id: b.id, text: b.text, urgency: isUrgency(b.urgency) ? b.urgency : "info", image: b.imageKey ? imagePath(b.id) : null }))
      .sort((a, b) => urgencyRank[a.urgency] - urgencyRank[b.urgency]),
    onShift: [...new Set(onShift.map((name) => names.get(name) ?? name))].sort((a, b) => a.localeCompare(b, locale)),
  };
}

/** D1 stores dates as ISO text; the page receives them as ISO, in UTC. */
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** The full names of the people online who can take work, in chunks under D1's 100 bound values. */
async function peopleOnline(db: Db, ids: number[]): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    const people = await db.user.findMany({ where: { id: { in: ids.slice(i, i + 90) }, hidePresence: false, ...assignableWhere }, select: { name: true } });
    names.push(...people.map((p) => p.name));
  }
  return names;
}

export type OpenedScreen =
  | { state: "open"; locale: Locale; name: string; timeZone: string; view: ScreenView }
  /** Revoked: said in its own language. Unknown: in the request's. */
  | { state: "revoked"; locale: Locale }
  | { state: "unknown" };

/**
 * A screen by its link's secret, as its page and its read route open it: the link
 * and the settings first (two queries), then what it shows. Nothing is read for a
 * revoked or unknown link.
 */
export async function openScreen(db: Db, secret: string, now = new Date()): Promise<OpenedScreen> {
  const [link, settings] = await Promise.all([findScreenLink(db, secret), getSettings(db)]);
  if (!link) return { state: "unknown" };
  if (link.revoked) return { state: "revoked", locale: link.locale };
  const view = await readScreen(db, {
    locale: link.locale,
    settings,
    now,
    online: whoIsOnline,
    imagePath: (id) => `${screenPath(secret)}/image/${id}`,
  });
  return { state: "open", locale: link.locale, name: link.name, timeZone: settings.timeZone, view };
}
