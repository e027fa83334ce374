// Everything the ticket page shows, in a handful of queries.
import type { Db } from "./db";
import { TEAM_ASSIGNEE } from "./tickets";

export async function getTicketDetails(db: Db, ticketId: string) {
  const ticket = await db.ticket.findFirst({
    where: { ticketId, deletedAt: null },
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
      machine: { select: { id: true, machineType: true, model: true, location: true, status: true } },
      reporter: { select: { id: true, name: true } },
    },
  });
  if (!ticket) return null;
  const [comments, media, events, people, alerts] = await Promise.all([
    db.ticketComment.findMany({
      where: { ticketId: ticket.id, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, content: true, createdAt: true, updatedAt: true, userId: true, user: { select: { name: true } } },
    }),
    db.media.findMany({
      where: { ticketId: ticket.id },
      orderBy: { id: "asc" },
      select: { id: true, fileName: true, fileType: true, fileSize: true, uploadedBy: true, createdAt: true },
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
    assignable: people.filter((p) => p.active && p.role !== "operator").map((p) => ({ id: p.id, name: p.name })),
  };
}

export type TicketDetails = NonNullable<Awaited<ReturnType<typeof getTicketDetails>>>;

/** Who a ticket is assigned to, in words. */
export function assigneeName(
  assignedTo: number | null,
  names: Map<number, string>,
  words: { team: string; nobody: string },
): string {
  if (assignedTo === null) return words.nobody;
  if (assignedTo === TEAM_ASSIGNEE) return words.team;
  return names.get(assignedTo) ?? `#${assignedTo}`;
}
