// The board: its filters (kept in the URL so a filtered board can be shared)
// and its data, read with a fixed number of queries whatever the ticket count.
import type { Db } from "../db/client";
import { machineLabel } from "../machines/model";
import type { Prisma } from "../generated/prisma/client";
import { literalContains } from "../db/like-pattern";
import { assignableWhere, type TicketReader } from "../permissions";
import { assigneeFromChoice, TEAM_CHOICE, overdueWhere, ticketPriorities, visibleTicketsWhere, type TicketPriority, type TicketStatus } from "./model";
import { liveColumns, loadColumns, MAX_COLUMNS, type BoardColumn } from "./columns";
import { compareSorted, parseTicketSort, SORT_PARAM, sortOrderBy, type TicketSort } from "./sort";
import { priorityOrder } from "./work-order";

/** The plant's columns the board shows, in its order: every one but the archived, which `?archived=1` adds. */
export function boardColumns(columns: readonly BoardColumn[], archived: boolean): BoardColumn[] {
  return liveColumns(columns).filter((column) => archived || column.stage !== "archived");
}
/**
 * Cards a column shows at first, and how many more each "Afficher N de plus"
 * adds; the column's count is always the full one. Small on purpose: with 2,000
 * open tickets the board's DOM must stay under 800 elements (a phone's main
 * thread pays for every node), and a person scans the newest cards first.
 */
export const COLUMN_PAGE = 8;
/** The most cards a column shows however often it is asked: past it, the filters narrow the board. */
export const COLUMN_MAX = 200;

/** How many cards each column (by key) shows, when more than COLUMN_PAGE were asked for. */
export type ColumnLimits = Partial<Record<TicketStatus, number>>;

/** What a column's key looks like (built-in ones, and col_<n>): anything else in the URL is ignored. */
const COLUMN_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export interface BoardFilters {
  q: string;
  priority: TicketPriority | null;
  /** "me", "team", "none", or a user id */
  assignee: string | null;
  machine: number | null;
  overdue: boolean;
  mine: boolean;
  archived: boolean;
  /** The cards' order in each column (lib/tickets/sort.ts): not a filter, but kept in the URL with them. */
  sort: TicketSort;
}

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/** Reads the URL's search params; anything unknown is ignored rather than an error. */
export function parseBoardFilters(params: Params): BoardFilters {
  const priority = first(params.priority);
  const assignee = first(params.assignee);
  const machine = Number(first(params.machine));
  return {
    q: first(params.q).slice(0, 100),
    priority: (ticketPriorities as readonly string[]).includes(priority) ? (priority as TicketPriority) : null,
    assignee: ["me", TEAM_CHOICE, "none"].includes(assignee) || /^\d+$/.test(assignee) ? assignee : null,
    machine: Number.isInteger(machine) && machine > 0 ? machine : null,
    overdue: first(params.overdue) === "1",
    mine: first(params.mine) === "1",
    archived: first(params.archived) === "1",
    sort: parseTicketSort(first(params[SORT_PARAM])),
  };
}

/** The inverse of parseBoardFilters: only what is set, so URLs stay short. */
export function boardSearchParams(filters: Partial<BoardFilters>): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.q) out.set("q", filters.q);
  if (filters.priority) out.set("priority", filters.priority);
  if (filters.assignee) out.set("assignee", filters.assignee);
  if (filters.machine) out.set("machine", String(filters.machine));
  if (filters.overdue) out.set("overdue", "1");
  if (filters.mine) out.set("mine", "1");
  if (filters.archived) out.set("archived", "1");
  if (filters.sort && filters.sort !== "default") out.set(SORT_PARAM, filters.sort);
  return out;
}

/** `more=diagnostic:20,received:30` in the URL: what "Afficher N de plus" asked for; anything else is ignored. */
export function parseColumnLimits(params: Params): ColumnLimits {
  const limits: ColumnLimits = {};
  for (const part of first(params.more).split(",")) {
    const [status, value] = part.split(":");
    const n = Number(value);
    if (COLUMN_KEY.test(status ?? "") && Object.keys(limits).length < MAX_COLUMNS && Number.isInteger(n) && n > COLUMN_PAGE) {
      limits[status as TicketStatus] = Math.min(n, COLUMN_MAX);
    }
  }
  return limits;
}

export function columnLimit(limits: ColumnLimits, status: TicketStatus): number {
  return limits[status] ?? COLUMN_PAGE;
}

/**
 * The board's URL with one column showing a page more, and how many cards that
 * adds (null when it shows all it may): the filters and the other columns' pages are kept.
 */
export function showMore(filters: BoardFilters, limits: ColumnLimits, column: { status: TicketStatus; count: number }): { href: string; count: number } | null {
  const shown = columnLimit(limits, column.status);
  if (shown >= COLUMN_MAX || column.count <= shown) return null;
  const next = Math.min(shown + COLUMN_PAGE, COLUMN_MAX);
  const params = boardSearchParams(filters);
  params.set("more", Object.entries({ ...limits, [column.status]: next }).map(([status, n]) => `${status}:${n}`).join(","));
  return { href: `/tickets?${params}`, count: Math.min(next, column.count) - shown };
}

export function hasFilters(filters: BoardFilters): boolean {
  return !!(filters.q || filters.priority || filters.assignee || filters.machine || filters.overdue || filters.mine);
}

/** The WHERE clause shared by the columns, their counts and the CSV export: only tickets the reader may see. */
export function boardWhere(filters: BoardFilters, reader: TicketReader, now: Date, columns: readonly BoardColumn[]): Prisma.TicketWhereInput {
  const viewerId = reader.id;
  const and: Prisma.TicketWhereInput[] = [{ deletedAt: null }, visibleTicketsWhere(reader)];
  const q = literalContains(filters.q);
  if (q) {
    and.push({
      OR: [
        { ticketId: q },
        { title: q },
        { machine: { machineType: q } },
        { machine: { model: q } },
        { machine: { serialNumber: q } },
      ],
    });
  }
  if (filters.priority) and.push({ priority: filters.priority });
  if (filters.assignee === "me") and.push({ assignedTo: viewerId });
  else if (filters.assignee === "none") and.push({ assignedTo: null });
  else if (filters.assignee) and.push({ assignedTo: assigneeFromChoice(filters.assignee) });
  if (filters.machine) and.push({ machineId: filters.machine });
  if (filters.overdue) and.push(overdueWhere(now, columns));
  if (filters.mine) and.push({ OR: [{ assignedTo: viewerId }, { reportedBy: viewerId }] });
  return { AND: and };
}

export interface BoardCard {
  id: number;
  ticketId: string;
  title: string;
  status: TicketStatus;
  priority: TicketPriority;
  machineId: number;
  assignedTo: number | null;
  /** ISO text: cards cross to a client component. */
  scheduledDate: string | null;
  comments: number;
  media: number;
}

export interface BoardColumnData {
  status: TicketStatus;
  /** The plant's column: its names, colour and stage. */
  column: BoardColumn;
  count: number;
  cards: BoardCard[];
}

export interface BoardData {
  columns: BoardColumnData[];
  /** Every column of the plant, deleted ones included: what the cards' menus and the words read. */
  plantColumns: BoardColumn[];
  machines: { id: number; label: string; status: string; downSince: Date | null }[];
  people: { id: number; name: string }[];
}

const cardSelect = {
  id: true,
  ticketId: true,
  title: true,
  status: true,
  priority: true,
  machineId: true,
  assignedTo: true,
  scheduledDate: true,
  createdAt: true,
  _count: { select: { comments: { where: { deletedAt: null } }, media: true } },
} as const;

type CardRow = Prisma.TicketGetPayload<{ select: typeof cardSelect }>;
/** Each column's count by priority: what the urgency's queries are planned from. */
type Counts = Map<string, Map<string, number>>;

const count = (counts: Counts, status: string) => [...(counts.get(status)?.values() ?? [])].reduce((sum, n) => sum + n, 0);

/**
 * The plant's columns (one query, read once per request), then one query per column
 * (in the chosen order, capped), one for the counts, one for the machines and one for
 * the people: 4 + columns queries for any number of tickets, and at most MAX_COLUMNS
 * columns. The urgency order takes at most one query more (urgentColumns).
 */
export async function loadBoard(db: Db, filters: BoardFilters, reader: TicketReader, now: Date, limits: ColumnLimits = {}): Promise<BoardData> {
  const plantColumns = await loadColumns(db);
  const shownColumns = boardColumns(plantColumns, filters.archived);
  const statuses = shownColumns.map((column) => column.key);
  const where = boardWhere(filters, reader, now, plantColumns);
  const urgency = filters.sort === "urgency";
  const [groups, machines, people, ...columns] = await Promise.all([
    db.ticket.groupBy({ by: urgency ? ["status", "priority"] : ["status"], where, _count: { _all: true } }),
    db.machine.findMany({ orderBy: [{ machineType: "asc" }, { id: "asc" }], select: { id: true, machineType: true, model: true, status: true, downSince: true } }),
    db.user.findMany({ where: assignableWhere, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ...(urgency
      ? []
      : statuses.map((status) =>
          db.ticket.findMany({
            where: { AND: [where, { status }] },
            // Last changed first by default: a card just moved, taken or reported is at the top of its column, where
            // the board put it at once, and a live render (components/tickets/live-tickets.tsx) keeps it in sight.
            orderBy: filters.sort === "default" ? [{ updatedAt: "desc" }, { id: "desc" }] : [...sortOrderBy[filters.sort]],
            take: columnLimit(limits, status),
            select: cardSelect,
          }),
        )),
  ]);
  const counts: Counts = new Map();
  for (const group of groups) {
    const byPriority = counts.get(group.status) ?? new Map<string, number>();
    byPriority.set("priority" in group ? String(group.priority) : "", group._count._all);
    counts.set(group.status, byPriority);
  }
  const rows = urgency ? await urgentColumns(db, where, statuses, counts, limits) : columns;
  return {
    plantColumns,
    columns: statuses.map((status, i) => ({
      status,
      column: shownColumns[i]!,
      count: count(counts, status),
      cards: rows[i]!.map(({ _count, scheduledDate, createdAt: _createdAt, ...card }) => ({
        ...card,
        status: card.status as TicketStatus,
        priority: card.priority as TicketPriority,
        scheduledDate: scheduledDate?.toISOString() ?? null,
        comments: _count.comments,
        media: _count.media,
      })),
    })),
    machines: machines.map((m) => ({ id: m.id, label: machineLabel(m), status: m.status, downSince: m.downSince })),
    people,
  };
}

/**
 * The columns in the urgency order: critical first. Prisma cannot order by a rank it
 * would have to compute (a CASE), so each column is planned from its counts by
 * priority: the priorities that fit whole in the column's cap are read for every
 * column in one query, and the one cut by the cap is read per column, capped, in its
 * order within a priority. At most 1 + columns queries, and each card read is shown.
 */
async function urgentColumns(db: Db, where: Prisma.TicketWhereInput, statuses: TicketStatus[], counts: Counts, limits: ColumnLimits): Promise<CardRow[][]> {
  const plans = statuses.map((status) => {
    const ranked = [...(counts.get(status) ?? new Map<string, number>())].sort(([a], [b]) => priorityOrder(a) - priorityOrder(b));
    let room = columnLimit(limits, status);
    const whole: string[] = [];
    let cut: { priority: string; take: number } | null = null;
    for (const [priority, n] of ranked) {
      if (room === 0) break;
      if (n <= room) whole.push(priority);
      else cut = { priority, take: room };
      room -= Math.min(n, room);
    }
    return { status, whole, cut };
  });
  const wholes = plans.filter((plan) => plan.whole.length).map(({ status, whole }) => ({ status, priority: { in: whole } }));
  const [whole, ...cuts] = await Promise.all([
    wholes.length ? db.ticket.findMany({ where: { AND: [where, { OR: wholes }] }, select: cardSelect }) : Promise.resolve([]),
    ...plans.map(({ status, cut }) =>
      cut
        ? db.ticket.findMany({ where: { AND: [where, { status, priority: cut.priority }] }, orderBy: [...sortOrderBy.urgency], take: cut.take, select: cardSelect })
        : Promise.resolve([]),
    ),
  ]);
  return plans.map(({ status }, i) =>
    [...whole.filter((card) => card.status === status), ...cuts[i]!]
      .sort((a, b) => compareSorted("urgency", a, b))
      // Counts read a moment before the cards: a ticket reported meanwhile must not pass the cap.
      .slice(0, columnLimit(limits, status)),
  );
}
