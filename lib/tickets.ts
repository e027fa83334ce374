import type { Db } from "./db";

export const ticketStatuses = ["received", "diagnostic", "in_progress", "waiting_parts", "completed", "archived"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketPriorities = ["low", "medium", "high", "critical"] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

/** assigned_to value meaning "the whole maintenance team" rather than one person. */
export const TEAM_ASSIGNEE = 0;

/** Statuses in which a passed scheduled date means the work has not started: overdue. */
export const overdueStatuses: TicketStatus[] = ["received", "diagnostic"];

export interface ScheduledTicket {
  id: number;
  ticketId: string;
  title: string;
  status: string;
  priority: string;
  scheduledDate: Date;
  machine: string;
  /** null: the whole team. */
  assignee: string | null;
}

export async function countTicketsByStatus(db: Db): Promise<Record<TicketStatus, number>> {
  const groups = await db.ticket.groupBy({
    by: ["status"],
    where: { deletedAt: null },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(ticketStatuses.map((s) => [s, 0])) as Record<TicketStatus, number>;
  for (const g of groups) if (g.status in counts) counts[g.status as TicketStatus] = g._count._all;
  return counts;
}

interface ScheduledQuery {
  now: Date;
  take: number;
}

/** Assigned tickets whose scheduled date has passed while still received or in diagnostic. */
export async function listOverdueTickets(db: Db, { now, take }: ScheduledQuery): Promise<ScheduledTicket[]> {
  const rows = await db.ticket.findMany({
    where: {
      deletedAt: null,
      assignedTo: { not: null },
      status: { in: overdueStatuses },
      scheduledDate: { lt: now },
    },
    orderBy: { scheduledDate: "asc" },
    take,
    select: scheduledSelect,
  });
  return withAssignees(db, rows);
}

/** Open tickets scheduled in the future, soonest first. */
export async function listUpcomingTickets(db: Db, { now, take }: ScheduledQuery): Promise<ScheduledTicket[]> {
  const rows = await db.ticket.findMany({
    where: {
      deletedAt: null,
      status: { notIn: ["completed", "archived"] },
      scheduledDate: { gte: now },
    },
    orderBy: { scheduledDate: "asc" },
    take,
    select: scheduledSelect,
  });
  return withAssignees(db, rows);
}

const scheduledSelect = {
  id: true,
  ticketId: true,
  title: true,
  status: true,
  priority: true,
  scheduledDate: true,
  assignedTo: true,
  machine: { select: { machineType: true, model: true } },
} as const;

type ScheduledRow = {
  id: number;
  ticketId: string;
  title: string;
  status: string;
  priority: string;
  scheduledDate: Date | null;
  assignedTo: number | null;
  machine: { machineType: string; model: string | null };
};

// assigned_to has no relation (0 means the team), so names come from one extra query.
async function withAssignees(db: Db, rows: ScheduledRow[]): Promise<ScheduledTicket[]> {
  const ids = [...new Set(rows.map((r) => r.assignedTo).filter((id): id is number => !!id && id !== TEAM_ASSIGNEE))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticketId,
    title: r.title,
    status: r.status,
    priority: r.priority,
    scheduledDate: r.scheduledDate ?? new Date(0),
    machine: [r.machine.machineType, r.machine.model].filter(Boolean).join(" "),
    assignee: r.assignedTo && r.assignedTo !== TEAM_ASSIGNEE ? (names.get(r.assignedTo) ?? `#${r.assignedTo}`) : null,
  }));
}
