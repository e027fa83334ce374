// What pages read about tickets: the dashboard's counts and lists, and
// everything the ticket page shows, each in a fixed number of queries.
import type { Db } from "../db/client";
import { machineLabel } from "../machines/model";
import { isAssignable, type TicketReader, type Who } from "../permissions";
import { getSettings } from "../settings/settings";
import { assignedPeople, openWhere, overdueWhere, visibleTicketsWhere } from "./model";
import { liveColumns, loadColumns, stageOf, type BoardColumn, type Stage } from "./columns";

export interface ScheduledTicket {
  id: number;
  ticketId: string;
  title: string;
  status: string;
  /** Its column's stage (columns.ts). */
  stage: Stage | null;
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

/** The tickets the reader may see, counted in each of the plant's columns, in the board's order (the plant's columns, then one query). */
export async function countTicketsByColumn(db: Db, reader: TicketReader): Promise<{ column: BoardColumn; count: number }[]> {
  const [columns, groups] = await Promise.all([
    loadColumns(db),
    db.ticket.groupBy({ by: ["status"], where: { deletedAt: null, ...visibleTicketsWhere(reader) }, _count: { _all: true } }),
  ]);
  const counts = new Map(groups.map((g) => [g.status, g._count._all]));
  return liveColumns(columns).map((column) => ({ column, count: counts.get(column.key) ?? 0 }));
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
  const columns = await loadColumns(db);
  const rows = await db.ticket.findMany({ where: { ...overdueWhere(now, columns), ...visibleTicketsWhere(reader) }, orderBy: { scheduledDate: "asc" }, take, select: scheduledSelect });
  return withAssignees(db, rows, columns);
}

/** Open tickets scheduled in the future, soonest first. */
export async function listUpcomingTickets(db: Db, { reader, now, take }: ScheduledQuery): Promise<ScheduledTicket[]> {
  const columns = await loadColumns(db);
  const rows = await db.ticket.findMany({
    where: { deletedAt: null, ...openWhere(columns), scheduledDate: { gte: now }, ...visibleTicketsWhere(reader) },
    orderBy: { scheduledDate: "asc" },
    take,
    select: scheduledSelect,
  });
  return withAssignees(db, rows, columns);
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
async function withAssignees(db: Db, rows: ScheduledRow[], columns: readonly BoardColumn[]): Promise<ScheduledTicket[]> {
  const ids = assignedPeople(rows.map((r) => r.assignedTo));
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map(({ machine, scheduledDate, ...r }) => ({
    ...r,
    stage: stageOf(columns, r.status),
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
  const [columns, comments, media, events, people, alerts] = await Promise.all([
    // Every column, deleted ones too: the timeline names the columns a ticket went through.
    loadColumns(db),
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
    ticket: { ...ticket, stage: stageOf(columns, ticket.status) },
    columns,
    comments,
    media,
    events,
    alerts,
    names,
    assignable: people.filter(isAssignable).map((p) => ({ id: p.id, name: p.name })),
  };
}

export type TicketDetails = NonNullable<Awaited<ReturnType<typeof getTicketDetails>>>;
