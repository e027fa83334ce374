// Everything that changes a ticket, as operations of (input, {db, user, t}):
// lib/operation.ts authorizes and validates, app/(app)/tickets/actions.ts wraps
// them as server actions, and the integration tests call them as each role.
// Each write is one conditional statement, so a ticket deleted or changed
// meanwhile is refused with a message instead of being overwritten.
import { z } from "zod";
import { isUniqueViolation, sqlDate, type Db } from "../db";
import { defineOperation, refuse, type ActionContext } from "../operation";
import { can, canEditTicketText } from "../permissions";
import { wallTimeToUtc } from "../factory-time";
import { getSettings } from "../settings/settings";
import { recordTicketEvent, recordTicketEvents } from "./events";
import { factoryDay, formatTicketId } from "./ids";
import { TEAM_ASSIGNEE, ticketPriorities, ticketStatuses } from "./model";
import { storeNewMedia, mediaFiles, type StoredMedia, removeStoredObjects } from "../stored-files";

const id = z.coerce.number().int().positive();
const title = z.string().trim().min(3).max(120);
const description = z.string().trim().max(5000).default("");
/** The updated_at the user saw, as ISO text: the ticket's version. */
const version = z.iso.datetime({ offset: true }).optional();

async function openTicket(db: Db, ticketId: number) {
  const ticket = await db.ticket.findFirst({
    where: { id: ticketId, deletedAt: null },
    select: { id: true, ticketId: true, status: true, priority: true, reportedBy: true, assignedTo: true, scheduledDate: true, updatedAt: true, title: true, description: true },
  });
  return ticket ?? refuse("notFound");
}

/** After a conditional update touched nothing: deleted, or changed by someone else. */
async function refuseStale(db: Db, ticketId: number): Promise<never> {
  const exists = await db.ticket.count({ where: { id: ticketId, deletedAt: null } });
  refuse(exists ? "conflict" : "notFound");
}

// ---------------------------------------------------------------- create

export const ticketInput = z.object({
  title,
  description,
  machineId: id,
  priority: z.enum(ticketPriorities).default("medium"),
  photos: mediaFiles,
});

const MAX_ID_ATTEMPTS = 5;

/**
 * Inserts the ticket and computes its sequence of the day in the same statement:
 * SQLite runs one statement at a time, so two creations at the same instant read
 * different maxima. The unique index on ticket_id backs this up; a collision retries.
 */
async function insertTicket(
  db: Db,
  data: { title: string; description: string; machineId: number; priority: string; reportedBy: number; prefix: string; day: string; now: Date },
): Promise<{ id: number; ticket_id: string }> {
  const base = formatTicketId(data.prefix, data.machineId, data.day, 0).slice(0, -3);
  const stamp = sqlDate(data.now);
  for (let attempt = 1; ; attempt++) {
    try {
      const rows = await db.$queryRaw<{ id: number; ticket_id: string }[]>`
        INSERT INTO tickets (ticket_id, title, description, machine_id, status, priority, reported_by, created_at, updated_at)
        SELECT ${base} || printf('%03d', COALESCE(MAX(CAST(substr(ticket_id, ${base.length + 1}) AS INTEGER)), 0) + 1),
               ${data.title}, ${data.description}, ${data.machineId}, 'received', ${data.priority}, ${data.reportedBy}, ${stamp}, ${stamp}
        FROM tickets WHERE ticket_id LIKE ${`${base}%`}
        RETURNING id, ticket_id`;
      return rows[0]!;
    } catch (error) {
      if (attempt >= MAX_ID_ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}

export const createTicket = defineOperation({ input: ticketInput, permission: "ticket.create" }, async (input, ctx) => {
  const { db, user } = ctx;
  const now = ctx.now ?? new Date();
  const machine = await db.machine.findUnique({ where: { id: input.machineId }, select: { id: true } });
  if (!machine) refuse("invalid", { fields: { machineId: "machineMissing" } });
  const settings = await getSettings(db);

  // Photos go to R2 first, checked by content: a refused file stops everything before any row exists.
  const stored: StoredMedia[] = await storeNewMedia(ctx, input.photos, { field: "photos", prefix: "tickets" });
  let created: { id: number; ticket_id: string };
  try {
    created = await insertTicket(db, {
      title: input.title,
      description: input.description,
      machineId: input.machineId,
      priority: input.priority,
      reportedBy: user.id,
      prefix: settings.ticketPrefix,
      day: factoryDay(now, settings.timeZone),
      now,
    });
  } catch (error) {
    await removeStoredObjects(ctx, stored);
    throw error;
  }
  if (stored.length) {
    try {
      await db.media.createMany({ data: stored.map((m) => ({ ...m, ticketId: created.id, uploadedBy: user.id, createdAt: now })) });
    } catch (error) {
      // Nothing refers to the new ticket yet: take it back with its objects rather than leave half a report.
      await removeStoredObjects(ctx, stored);
      await db.ticket.deleteMany({ where: { id: created.id } });
      throw error;
    }
  }
  await recordTicketEvents(
    db,
    [
      { ticketId: created.id, actorId: user.id, type: "created", to: created.ticket_id },
      ...stored.map((m) => ({ ticketId: created.id, actorId: user.id, type: "media_added" as const, to: m.fileName })),
    ],
    now,
  );
  return { id: created.id, ticketId: created.ticket_id };
});

// ---------------------------------------------------------------- edit

export const editTicket = defineOperation(
  { input: z.object({ id, title, description, version }), permission: "ticket.view" },
  async (input, { db, user }) => {
    const ticket = await openTicket(db, input.id);
    if (!canEditTicketText(user, ticket)) refuse("forbidden");
    const { count } = await db.ticket.updateMany({
      where: {
        id: ticket.id,
        deletedAt: null,
        ...(input.version ? { updatedAt: new Date(input.version) } : {}),
        // An operator's right ends the moment someone starts on the ticket.
        ...(can(user, "ticket.editAny") ? {} : { status: "received", reportedBy: user.id }),
      },
      data: { title: input.title, description: input.description },
    });
    if (!count) await refuseStale(db, ticket.id);
    const changed = [ticket.title !== input.title && "title", ticket.description !== input.description && "description"].filter(Boolean);
    if (changed.length) await recordTicketEvent(db, { ticketId: ticket.id, actorId: user.id, type: "edited", to: changed.join(",") });
    return { id: ticket.id };
  },
);

// ---------------------------------------------------------------- move

export const moveInput = z.object({ id, from: z.enum(ticketStatuses), to: z.enum(ticketStatuses) });

export const moveTicket = defineOperation({ input: moveInput, permission: "ticket.move" }, async (input, { db, user }) => {
  if (input.from === input.to) return { id: input.id, status: input.to };
  const { count } = await db.ticket.updateMany({
    // Only from the column the user saw it in: a ticket someone else moved meanwhile is not yanked back.
    where: { id: input.id, deletedAt: null, status: input.from },
    data: { status: input.to, completedAt: input.to === "completed" ? new Date() : null },
  });
  if (!count) {
    const exists = await db.ticket.count({ where: { id: input.id, deletedAt: null } });
    refuse(exists ? "movedMeanwhile" : "notFound");
  }
  await recordTicketEvent(db, { ticketId: input.id, actorId: user.id, type: "status", from: input.from, to: input.to });
  return { id: input.id, status: input.to };
});

// ---------------------------------------------------------------- assign, take

/** "" unassigns, "team" is the whole team, otherwise a user id. */
const assignee = z.union([z.literal(""), z.literal("team"), id]);

function assigneeValue(value: z.output<typeof assignee>): number | null {
  return value === "" ? null : value === "team" ? TEAM_ASSIGNEE : value;
}

async function setAssignee(ctx: ActionContext, ticketId: number, to: number | null) {
  const { db, user } = ctx;
  const ticket = await openTicket(db, ticketId);
  if (to !== null && to !== TEAM_ASSIGNEE) {
    const person = await db.user.findFirst({ where: { id: to, active: true, role: { not: "operator" } }, select: { id: true } });
    if (!person) refuse("invalid", { fields: { assignee: "assigneeInvalid" } });
  }
  if (ticket.assignedTo === to) return { id: ticket.id, assignedTo: to };
  const { count } = await db.ticket.updateMany({
    where: { id: ticket.id, deletedAt: null, assignedTo: ticket.assignedTo },
    data: { assignedTo: to },
  });
  if (!count) await refuseStale(db, ticket.id);
  await recordTicketEvent(db, { ticketId: ticket.id, actorId: user.id, type: "assigned", from: ticket.assignedTo, to });
  return { id: ticket.id, assignedTo: to };
}

export const assignTicket = defineOperation(
  { input: z.object({ id, assignee }), permission: "ticket.take" },
  async (input, ctx) => {
    const to = assigneeValue(input.assignee);
    // Taking a ticket for oneself is a technician's right; anything else is a lead's.
    if (to !== ctx.user.id && !can(ctx.user, "ticket.assign")) refuse("forbidden");
    return setAssignee(ctx, input.id, to);
  },
);

export const takeTicket = defineOperation({ input: z.object({ id }), permission: "ticket.take" }, (input, ctx) =>
  setAssignee(ctx, input.id, ctx.user.id),
);

// ---------------------------------------------------------------- schedule, priority

const scheduleInput = z.object({
  id,
  date: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  time: z.union([z.literal(""), z.string().regex(/^\d{2}:\d{2}$/)]).default(""),
});

export const scheduleTicket = defineOperation({ input: scheduleInput, permission: "ticket.schedule" }, async (input, { db, user }) => {
  const ticket = await openTicket(db, input.id);
  let when: Date | null = null;
  if (input.date) {
    const { timeZone } = await getSettings(db);
    when = wallTimeToUtc(input.date, input.time || "08:00", timeZone);
    if (!when) refuse("invalid", { fields: { date: "dateInvalid" } });
  }
  if ((ticket.scheduledDate?.getTime() ?? null) === (when?.getTime() ?? null)) return { id: ticket.id };
  const { count } = await db.ticket.updateMany({
    where: { id: ticket.id, deletedAt: null, scheduledDate: ticket.scheduledDate },
    data: { scheduledDate: when },
  });
  if (!count) await refuseStale(db, ticket.id);
  await recordTicketEvent(db, {
    ticketId: ticket.id,
    actorId: user.id,
    type: "scheduled",
    from: ticket.scheduledDate?.toISOString(),
    to: when?.toISOString(),
  });
  return { id: ticket.id };
});

export const setTicketPriority = defineOperation(
  { input: z.object({ id, priority: z.enum(ticketPriorities) }), permission: "ticket.setPriority" },
  async (input, { db, user }) => {
    const ticket = await openTicket(db, input.id);
    if (ticket.priority === input.priority) return { id: ticket.id };
    const { count } = await db.ticket.updateMany({
      where: { id: ticket.id, deletedAt: null, priority: ticket.priority },
      data: { priority: input.priority },
    });
    if (!count) await refuseStale(db, ticket.id);
    await recordTicketEvent(db, { ticketId: ticket.id, actorId: user.id, type: "priority", from: ticket.priority, to: input.priority });
    return { id: ticket.id };
  },
);

// ---------------------------------------------------------------- delete

export const deleteTicket = defineOperation({ input: z.object({ id }), permission: "ticket.delete" }, async (input, { db, user }) => {
  const { count } = await db.ticket.updateMany({ where: { id: input.id, deletedAt: null }, data: { deletedAt: new Date() } });
  if (!count) refuse("notFound");
  await recordTicketEvent(db, { ticketId: input.id, actorId: user.id, type: "deleted" });
  return { id: input.id };
});
