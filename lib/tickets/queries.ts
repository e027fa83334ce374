// What pages read about tickets: the dashboard's counts and lists, and
// everything the ticket page shows, each in a fixed number of queries.
import type { Db } from "../db/client";
import { machineLabel } from "../machines/model";
import { isAssignable, type TicketReader, type Who } from "../permissions";
import { getSettings } from "../settings/settings";
import { assignedPeople, closedStatuses, overdueWhere, ticketStatuses, visibleTicketsWhere, type TicketStatus } from "./model";

export interface ScheduledTicket {
  id: number;
  ticketId: string;
  title: string;
  status: string;
  priority: string;
  scheduledDate: Date;
  machine: string;
  assignedTo: number | null;
  /** The person's name when assignedTo is a person. */
  assigneeName?: string;
}

/**
 * The reader for an operation's checks: only an operator's view depends on the
 * plant's setting, so the settings are read for operators only.
 */
export async function ticketReaderFor(db: Db, who: Who): Promise<TicketReader> {
  if (who.role !== "operator") return { id: who.id, role: who.role, visibility: "all" };
  return { id: who.id, role: who.role, visibility: (await getSettings(db)).operatorTicketVisibility };
}

/** A ticket (by row id) the reader may see, not deleted: what every operation on a ticket starts from. */
export function visibleTicket(reader: TicketReader, id: number) {
  return { id, deletedAt: null, ...visibleTicketsWhere(reader) };
}

export async function countTicketsByStatus(db: Db, reader: TicketReader): Promise<Record<TicketStatus, number>> {
  const groups = await db.ticket.groupBy({
    by: ["status"],
    where: { deletedAt: null, ...visibleTicketsWhere(reader) },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(ticketStatuses.map((s) => [s, 0])) as Record<TicketStatus, number>;
  for (const g of groups) if (g.status in counts) counts[g.status as TicketStatus] = g._count._all;
  return counts;
}

interface ScheduledQuery {
  reader: TicketReader;
  now: Date;
  take: number;
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

/** Overdue tickets (lib/tickets/model.ts), longest overdue first. */
export async function listOverdueTickets(db: Db, { reader, now, take }: ScheduledQuery): Promise<ScheduledTicket[]> {
  const rows = await db.ticket.findMany({ where: { ...overdueWhere(now), ...visibleTicketsWhere(reader) }, orderBy: { scheduledDate: "asc" }, take, select: scheduledSelect });
  return withAssignees(db, rows);
}

/** Open tickets scheduled in the future, soonest first. */
export async function listUpcomingTickets(db: Db, { reader, now, take }: ScheduledQuery): Promise<ScheduledTicket[]> {
  const rows = await db.ticket.findMany({
    where: { deletedAt: null, status: { notIn: [...closedStatuses] }, scheduledDate: { gte: now }, ...visibleTicketsWhere(reader) },
    orderBy: { scheduledDate: "asc" },
    take,
    select: scheduledSelect,
  });
  return withAssignees(db, rows);
}

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
  const ids = assignedPeople(rows.map((r) => r.assignedTo));
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map(({ machine, scheduledDate, ...r }) => ({
    ...r,
    scheduledDate: scheduledDate ?? new Date(0),
    machine: machineLabel(machine),
    assigneeName: r.assignedTo === null ? undefined : names.get(r.assignedTo),
  }));
}


/** Everything the ticket page shows, in a handful of queries; null for a ticket the reader may not see, as for an unknown one. */
export async function getTicketDetails(db: Db, ticketId: string, reader: TicketReader) {
  const ticket = await db.ticket.findFirst({
    where: { ticketId, deletedAt: null, ...visibleTicketsWhere(reader) },
    select: {
      id: true,
      ticketId: true,
      title: true,
      description: true,
      status: true,
      priority: true,
      reportedBy: true,
      assignedTo: true,
      scheduledDate: true,
      completedAt: true,
      createdAt: true,
      updatedAt: true,
      sourceMessageId: true,
      planId: true,
      machine: { select: { id: true, machineType: true, model: true, location: true, status: true, downSince: true, downTicketId: true } },
      reporter: { select: { id: true, name: true } },
    },
  });
  if (!ticket) return null;
  const [comments, media, events, people, alerts] = await Promise.all([
    db.ticketComment.findMany({
      where: { ticketId: ticket.id, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, content: true, createdAt: true, updatedAt: true, userId: true, authorName: true, user: { select: { name: true, role: true } } },
    }),
    db.media.findMany({
      where: { ticketId: ticket.id },
      orderBy: { id: "asc" },
      select: {
        id: true,
        fileName: true,
        fileType: true,
        fileSize: true,
        duration: true,
        uploadedBy: true,
        createdAt: true,
        uploader: { select: { name: true } },
        // A voice note's text (lib/voice/): shown once done; pending, the page waits for it.
        transcript: true,
        transcriptStatus: true,
        transcriptEditedAt: true,
      },
    }),
    db.ticketEvent.findMany({
      where: { ticketId: ticket.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, type: true, fromValue: true, toValue: true, createdAt: true, actor: { select: { name: true } } },
    }),
    // Names for assignees in the timeline and the assignment form.
    db.user.findMany({ select: { id: true, name: true, role: true, active: true }, orderBy: { name: "asc" } }),
    // Overdue alerts (webhooks): the badge shows the latest, the timeline every attempt.
    db.webhookAttempt.findMany({
      where: { notification: { ticketId: ticket.id } },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        startedAt: true,
        responseStatus: true,
        error: true,
        trigger: true,
        notification: { select: { id: true, deliveryStatus: true, sentAt: true, nextAttemptAt: true, attempts: true } },
      },
    }),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    ticket,
    comments,
    media,
    events,
    alerts,
    names,
    assignable: people.filter(isAssignable).map((p) => ({ id: p.id, name: p.name })),
  };
}

export type TicketDetails = NonNullable<Awaited<ReturnType<typeof getTicketDetails>>>;
