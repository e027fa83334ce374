// The ticket lists the homes show (app/(app)/page.tsx): a technician's work in
// the order to do it, an operator's own reports, and what waits for a lead's
// decision. Each list is ONE query, bounded, with the assignee's name, the
// machine's label and the full count beside the rows (COUNT(*) OVER ()).
import type { Db } from "../db/client";
import { sqlDate } from "../db/sql";
import { machineLabelSql } from "../machines/model";
import { OPEN_SQL as open, OVERDUE_SQL, TEAM_ASSIGNEE, type TicketStatus } from "./model";
import { CLOSED_KEYS_SQL, firstColumnOf, isColumnColor, isStage, stageKeysSql, type BoardColumn, type Stage } from "./columns";
import { SORT_SQL, type TicketSort } from "./sort";
import { factoryToday, PRIORITY_ORDER_SQL, WORK_ORDER_SQL } from "./work-order";

/** How many tickets a home list shows; past it, the list links to the board. */
export const HOME_LIST_SIZE = 30;

export interface HomeTicket {
  id: number;
  ticketId: string;
  title: string;
  status: TicketStatus;
  /** Its column's stage (columns.ts): what the rules and the next step read. */
  stage: Stage | null;
  /** Its column, to name and colour the status (columns.ts columnName). */
  column: Pick<BoardColumn, "key" | "nameFr" | "nameEn" | "color">;
  priority: string;
  scheduledDate: Date | null;
  assignedTo: number | null;
  /** The person's name when assignedTo is a person. */
  assigneeName: string | null;
  machine: string;
  /** "À l'arrêt depuis …": the machine a ticket stopped (lib/tickets/downtime.ts). */
  machineDownSince: Date | null;
  createdAt: Date;
}

export interface HomeList {
  items: HomeTicket[];
  /** Every row the list's condition matches, shown or not. */
  total: number;
}

interface Row {
  id: number;
  ticket_id: string;
  title: string;
  status: string;
  stage: string | null;
  status_fr: string | null;
  status_en: string | null;
  status_color: string | null;
  priority: string;
  scheduled_date: string | null;
  assigned_to: number | null;
  assignee_name: string | null;
  machine: string;
  down_since: string | null;
  created_at: string;
  total: number;
}

const date = (value: string | null) => (value === null ? null : new Date(value));

/** One query: the rows `where` matches (SQL over `tickets AS t`), in `orderBy`, at most `take`, and their count. */
async function homeTickets(db: Db, where: string, orderBy: string, values: unknown[], take: number): Promise<HomeList> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT t.id, t.ticket_id, t.title, t.status, c.stage, c.name_fr AS status_fr, c.name_en AS status_en, c.color AS status_color,
            t.priority, t.scheduled_date, t.assigned_to, t.created_at,
            a.name AS assignee_name, ${machineLabelSql("m")} AS machine, m.down_since, COUNT(*) OVER () AS total
     FROM tickets t JOIN machines m ON m.id = t.machine_id LEFT JOIN users a ON a.id = t.assigned_to
       LEFT JOIN board_columns c ON c.key = t.status
     WHERE ${where}
     ORDER BY ${orderBy}
     LIMIT ${Math.max(1, Math.floor(take))}`,
    ...values,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: Number(r.id),
      ticketId: r.ticket_id,
      title: r.title,
      status: r.status,
      stage: isStage(r.stage) ? r.stage : null,
      column: { key: r.status, nameFr: r.status_fr, nameEn: r.status_en, color: isColumnColor(r.status_color) ? r.status_color : "slate" },
      priority: r.priority,
      scheduledDate: date(r.scheduled_date),
      assignedTo: r.assigned_to === null ? null : Number(r.assigned_to),
      assigneeName: r.assignee_name,
      machine: r.machine,
      machineDownSince: date(r.down_since),
      createdAt: new Date(r.created_at),
    })),
  };
}

// ---------------------------------------------------------------- a technician's work

/** "Mon travail": everything (theirs and the team's), theirs only, or the team's only. */
export const workScopes = ["all", "mine", "team"] as const;
export type WorkScope = (typeof workScopes)[number];

export function parseWorkScope(value: unknown): WorkScope {
  return (workScopes as readonly unknown[]).includes(value) ? (value as WorkScope) : "all";
}

/** A ticket's next step on "Mon travail": take it if it is not the person's yet, else start, resume or finish it. */
export type WorkStepKind = "take" | "start" | "resume" | "finish";

/** A step and the column it leaves the ticket in (null for taking, which moves nothing). */
export interface NextStep {
  kind: WorkStepKind;
  to: string | null;
}

/**
 * The next step, by the ticket's stage: in work, finish it; waiting, resume it; not
 * started, start it. Starting and resuming go to the first column in work, finishing
 * to the first done one (columns.ts firstColumnOf), whatever columns the plant has;
 * with no column in work left, the step is to finish.
 */
export function nextWorkStep(ticket: { assignedTo: number | null; stage: Stage | null }, userId: number, columns: readonly BoardColumn[]): NextStep {
  if (ticket.assignedTo !== userId) return { kind: "take", to: null };
  const inWork = firstColumnOf(columns, "in_work");
  const done = firstColumnOf(columns, "done")!;
  if (ticket.stage === "in_work" || !inWork) return { kind: "finish", to: done.key };
  return { kind: ticket.stage === "waiting" ? "resume" : "start", to: inWork.key };
}

interface WorkQuery {
  userId: number;
  scope: WorkScope;
  /** "default": the order work is done in (work-order.ts); or the board's other orders (sort.ts). */
  sort?: TicketSort;
  now: Date;
  timeZone: string;
  take?: number;
}

/**
 * The open tickets assigned to the person or to the whole team, in the order to
 * do them (lib/tickets/work-order.ts) or the one chosen (sort.ts), and how many
 * are theirs and the team's. Two queries, run together.
 */
export async function listWork(db: Db, { userId, scope, sort = "default", now, timeZone, take = HOME_LIST_SIZE }: WorkQuery) {
  const today = factoryToday(now, timeZone);
  // The order of work binds ?1-?3 (now, today's start and end), and the person comes after them;
  // the other orders bind nothing. D1 wants exactly the values the SQL names: the team's list does not name the person.
  const order = sort === "default" ? { sql: WORK_ORDER_SQL, values: [sqlDate(now), sqlDate(today.start), sqlDate(today.end)] } : { sql: SORT_SQL[sort], values: [] };
  const person = `?${order.values.length + 1}`;
  const whose = { all: `t.assigned_to IN (${person}, ${TEAM_ASSIGNEE})`, mine: `t.assigned_to = ${person}`, team: `t.assigned_to = ${TEAM_ASSIGNEE}` }[scope];
  const [list, [counts]] = await Promise.all([
    homeTickets(db, `${open} AND ${whose}`, order.sql, [...order.values, ...(scope === "team" ? [] : [userId])], take),
    db.$queryRawUnsafe<{ mine: number | null; team: number | null }[]>(
      `SELECT SUM(t.assigned_to = ?1) AS mine, SUM(t.assigned_to = ${TEAM_ASSIGNEE}) AS team FROM tickets t
       WHERE ${open} AND t.assigned_to IN (?1, ${TEAM_ASSIGNEE})`,
      userId,
    ),
  ]);
  return { ...list, today, counts: { mine: Number(counts?.mine ?? 0), team: Number(counts?.team ?? 0) } };
}

// ---------------------------------------------------------------- an operator's reports

/** The person's own reports, archived ones aside: the open ones first, then the closed, newest first within each. One query. */
export function listReports(db: Db, userId: number, take = HOME_LIST_SIZE): Promise<HomeList> {
  return homeTickets(
    db,
    `t.deleted_at IS NULL AND t.status NOT IN ${stageKeysSql("archived")} AND t.reported_by = ?1`,
    `t.status IN ${CLOSED_KEYS_SQL}, t.created_at DESC, t.id DESC`,
    [userId],
    take,
  );
}

/** How many machines an operator's home offers to report on again. */
export const RECENT_MACHINES = 3;

/**
 * The machines a person last reported on, most recent first, each once: their home
 * offers a report on each in one tap (the form opens with the machine chosen). One query.
 */
export async function recentReportMachines(db: Db, userId: number, take = RECENT_MACHINES): Promise<{ id: number; label: string }[]> {
  const rows = await db.$queryRawUnsafe<{ id: number; label: string }[]>(
    `SELECT m.id, ${machineLabelSql("m")} AS label
     FROM (SELECT machine_id, MAX(created_at) AS last FROM tickets WHERE reported_by = ?1 AND deleted_at IS NULL GROUP BY machine_id) r
     JOIN machines m ON m.id = r.machine_id
     ORDER BY r.last DESC, m.id DESC
     LIMIT ${Math.max(1, Math.floor(take))}`,
    userId,
  );
  return rows.map((row) => ({ id: Number(row.id), label: row.label }));
}

// ---------------------------------------------------------------- a lead's decisions

/** Open tickets nobody was given: critical first, then the newest report (one just in needs a decision now). One query. */
export function listUnassigned(db: Db, take = HOME_LIST_SIZE): Promise<HomeList> {
  return homeTickets(
    db,
    `${open} AND t.assigned_to IS NULL`,
    `${PRIORITY_ORDER_SQL}, t.created_at DESC, t.id DESC`,
    [],
    take,
  );
}

/** Overdue tickets (the one rule, model.ts), longest overdue first. One query. */
export function listOverdue(db: Db, now: Date, take = HOME_LIST_SIZE): Promise<HomeList> {
  return homeTickets(db, OVERDUE_SQL, "t.scheduled_date, t.id", [sqlDate(now)], take);
}
