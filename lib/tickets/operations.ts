// Everything that changes a ticket, as operations of (input, {db, user, t}):
// lib/operation.ts authorizes and validates, app/(app)/tickets/actions.ts wraps
// them as server actions, and the integration tests call them as each role.
// Each write is one conditional statement, so a ticket deleted or changed
// meanwhile is refused with a message instead of being overwritten, sent in one
// D1 batch with its timeline event (changeTicket): both are written or neither.
import { z } from "zod";
import { isUniqueViolation, sql, sqlDate, type Statement } from "../db/sql";
import { onlyIfChanged, writeBatch } from "../db/batch";
import { type Db } from "../db/client";
import { defineOperation, refuse, type ActionContext } from "../operation";
import { assignableWhere, can, canEditTicketText, type TicketReader } from "../permissions";
import { utcToWallTime, wallTimeToUtc } from "../factory-time";
import { formatDay } from "../format";
import { getSettings } from "../settings/settings";
import { changeTicket, ticketEventsInsert } from "./events";
import { endDowntimeOnClose, endDowntimeOnDelete, startDowntime } from "./downtime";
import { factoryDay, formatTicketId } from "./ids";
import { ticketReaderFor, visibleTicket } from "./queries";
import { assigneeFromChoice, assigneeInput, MAX_TICKET_TEXT, MAX_TICKET_TITLE, scheduleBounds, TEAM_ASSIGNEE, ticketPriorities, type TicketStatus } from "./model";
import { columnOf, firstColumnOf, isClosedStage, loadColumns, RECEIVED, stageOf, type BoardColumn } from "./columns";
import { copyStoredObjects, storeNewMedia, mediaFiles, type StoredMedia, removeStoredObjects } from "../stored-files";
import { findSourceMessage } from "../messages/queries";
import { publishLive } from "../messages/live";
import { continueAfterResponse } from "../after-response";
import { mediaInsert, mediaStatements } from "./media";
import { changeTicketAndNotify, dispatchWritten, reportChanged, ticketAssigned, writeAndNotify } from "../notifications/events";
import { commentStatements } from "./comments";
import { clientIdInput, earlierSend, refuseMovedMeanwhile } from "./replay";
import { ticketsChanged } from "./live";
import { checkbox } from "../validation";

const id = z.coerce.number().int().positive();
const title = z.string().trim().min(3).max(MAX_TICKET_TITLE);
const description = z.string().trim().max(MAX_TICKET_TEXT).default("");
/** The updated_at the user saw, as ISO text: the ticket's version. */
const version = z.iso.datetime({ offset: true }).optional();

/**
 * The ticket an operation works on, or "not found". With a reader, only a ticket that
 * reader may open (operators may see only their own reports): "not found" then says
 * no more than for an id that does not exist.
 */
async function openTicket(db: Db, ticketId: number, reader?: TicketReader) {
  const ticket = await db.ticket.findFirst({
    where: reader ? visibleTicket(reader, ticketId) : { id: ticketId, deletedAt: null },
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
  /** The form's "take a photo now": its own field, so that a refused file is said there. */
  camera: mediaFiles.default([]),
  /** "Créer un ticket" on a message: its photos are copied to the ticket, which links back to it. */
  fromMessage: id.optional(),
  /** "La machine est à l'arrêt": the report stops the machine (lib/tickets/downtime.ts). */
  machineDown: checkbox.optional(),
  /** Sent from the device's outbox: the same report sent twice is written once (lib/tickets/replay.ts). */
  clientId: clientIdInput,
});

const MAX_ID_ATTEMPTS = 5;

/**
 * Inserts the ticket and computes its sequence of the day in the same statement:
 * SQLite runs one statement at a time, so two creations at the same instant read
 * different maxima. The unique index on ticket_id backs this up; a collision retries.
 * A plan's ticket (lib/plans/generate.ts) comes assigned and scheduled, and is
 * inserted only if its claim, the statement before it in the batch, changed a row.
 */
export function ticketInsert(data: {
  title: string;
  description: string;
  machineId: number;
  priority: string;
  reportedBy: number;
  sourceMessageId: number | null;
  prefix: string;
  day: string;
  now: Date;
  plan?: { id: number; dueAt: Date; assignedTo: number };
}): Statement {
  const base = formatTicketId(data.prefix, data.machineId, data.day, 0).slice(0, -3);
  const stamp = sqlDate(data.now);
  const plan = data.plan;
  const next = sql`${base} || printf('%03d', COALESCE(MAX(CAST(substr(ticket_id, ${base.length + 1}) AS INTEGER)), 0) + 1)`;
  // A message becomes one ticket: a second report from it gets no id, and the NOT NULL
  // constraint then fails the whole batch, however close together the two reports came.
  const ticketId = data.sourceMessageId
    ? sql`CASE WHEN EXISTS (SELECT 1 FROM tickets WHERE source_message_id = ${data.sourceMessageId} AND deleted_at IS NULL) THEN NULL ELSE ${next} END`
    : next;
  const insert = sql`
    SELECT ${ticketId} AS ticket_id,
           ${data.title}, ${data.description}, ${data.machineId}, ${RECEIVED}, ${data.priority}, ${data.reportedBy}, ${data.sourceMessageId},
           ${plan?.assignedTo ?? null}, ${plan ? sqlDate(plan.dueAt) : null}, ${plan?.id ?? null}, ${plan ? sqlDate(plan.dueAt) : null},
           ${stamp}, ${stamp}
    FROM tickets WHERE ticket_id LIKE ${`${base}%`}`;
  return sql`
    INSERT INTO tickets (ticket_id, title, description, machine_id, status, priority, reported_by, source_message_id,
                         assigned_to, scheduled_date, plan_id, plan_due_at, created_at, updated_at)
    ${plan ? sql`SELECT * FROM (${insert}) WHERE ${onlyIfChanged}` : insert}
    RETURNING id, ticket_id`;
}

// Later statements of the creation batch find the new ticket as the highest id:
// ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
export const newTicket = sql`(SELECT MAX(id) FROM tickets)`;

export const createTicket = defineOperation({ input: ticketInput, permission: "ticket.create" }, async (input, ctx) => {
  const { db, user } = ctx;
  const now = ctx.now ?? new Date();
  const machine = await db.machine.findUnique({ where: { id: input.machineId }, select: { id: true } });
  if (!machine) refuse("invalid", { fields: { machineId: "machineMissing" } });
  const settings = await getSettings(db);
  // A message someone else's pair wrote is refused as one that does not exist.
  const source = input.fromMessage ? await findSourceMessage(db, user, input.fromMessage) : null;
  if (input.fromMessage && !source) refuse("notFound");
  if (source?.ticketId) refuse("messageAlreadyTicket", { values: { ticket: source.ticketId } });

  // Photos go to R2 first, checked by content: a refused file stops everything before any row exists.
  const taken = new Set(input.camera);
  const stored: StoredMedia[] = await storeNewMedia(ctx, [...input.camera, ...input.photos], {
    field: "photos",
    fieldOf: (file) => (taken.has(file) ? "camera" : undefined),
    prefix: "tickets",
  });
  // "Créer un ticket" on a message: its photos are copied, so the ticket and the message each own their files.
  if (source) {
    try {
      stored.push(...(await copyStoredObjects(ctx, source.photos, "tickets")));
    } catch (error) {
      await removeStoredObjects(ctx, stored);
      throw error;
    }
  }
  // The ticket, its photos and its timeline in one batch: a failure leaves no half report.
  const statements = [
    ticketInsert({
      title: input.title,
      description: input.description,
      machineId: input.machineId,
      priority: input.priority,
      reportedBy: user.id,
      sourceMessageId: source?.id ?? null,
      prefix: settings.ticketPrefix,
      day: factoryDay(now, settings.timeZone),
      now,
    }),
    ticketEventsInsert([{ ticketId: 0, actorId: user.id, type: "created", clientId: input.clientId }], now, {
      ticket: newTicket,
      to: sql`(SELECT ticket_id FROM tickets WHERE id = ${newTicket})`,
      guard: false,
    }),
    ...(stored.length
      ? [
          mediaInsert(stored, newTicket, user.id, now),
          ticketEventsInsert(
            stored.map((m) => ({ ticketId: 0, actorId: user.id, type: "media_added" as const, to: m.fileName })),
            now,
            { ticket: newTicket, guard: false },
          ),
        ]
      : []),
    // Last: its guards read the statement before, and a machine already down stays with the ticket that stopped it.
    ...(input.machineDown ? startDowntime(input.machineId, newTicket, user.id, now) : []),
  ].filter((statement) => statement !== null);
  for (let attempt = 1; ; attempt++) {
    try {
      const [inserted] = await writeBatch(db, statements);
      const created = inserted!.rows[0] as { id: number; ticket_id: string };
      ticketsChanged(ctx);
      // The conversation's open pages show the message as reported.
      if (source) continueAfterResponse(publishLive(ctx, source.conversationKey, { type: "ticketed", conversationKey: source.conversationKey, id: source.id, ticketId: created.ticket_id }));
      return { id: Number(created.id), ticketId: created.ticket_id };
    } catch (error) {
      // The same report sent again (its client id is taken): the first one's ticket, and this copy's files go.
      const earlier =
        input.clientId && isUniqueViolation(error)
          ? await earlierSend(db, input.clientId, user, "created").catch(async (refusal: unknown) => {
              await removeStoredObjects(ctx, stored);
              throw refusal;
            })
          : null;
      if (earlier) {
        await removeStoredObjects(ctx, stored);
        return { id: earlier.ticketId, ticketId: earlier.toValue! };
      }
      if (attempt < MAX_ID_ATTEMPTS && isUniqueViolation(error)) continue;
      await removeStoredObjects(ctx, stored);
      // Reported from the same message by someone else a moment before (ticketInsert's guard).
      const reported = source && (await findSourceMessage(db, user, source.id))?.ticketId;
      if (reported) refuse("messageAlreadyTicket", { values: { ticket: reported } });
      throw error;
    }
  }
});

// ---------------------------------------------------------------- edit

export const editTicket = defineOperation(
  { input: z.object({ id, title, description, version }), permission: "ticket.view" },
  async (input, ctx) => {
    const { db, user, now = new Date() } = ctx;
    // The one ticket operation open to operators: as its reader, so a ticket they may not open is "not found", not "forbidden".
    const ticket = await openTicket(db, input.id, await ticketReaderFor(db, user));
    if (!canEditTicketText(user, ticket)) refuse("forbidden");
    const changed = [ticket.title !== input.title && "title", ticket.description !== input.description && "description"].filter(Boolean);
    const count = await changeTicket(
      db,
      sql`UPDATE tickets SET title = ${input.title}, description = ${input.description}, updated_at = ${now}
          WHERE id = ${ticket.id} AND deleted_at IS NULL
          ${input.version ? sql`AND updated_at = ${new Date(input.version)}` : sql``}
          ${/* An operator's right ends the moment someone starts on the ticket. */ can(user, "ticket.editAny") ? sql`` : sql`AND status = 'received' AND reported_by = ${user.id}`}`,
      changed.length ? { ticketId: ticket.id, actorId: user.id, type: "edited", to: changed.join(",") } : null,
      now,
    );
    if (!count) await refuseStale(db, ticket.id);
    ticketsChanged(ctx);
    return { id: ticket.id };
  },
);

// ---------------------------------------------------------------- move

/** A column's key as a form or the outbox sends it: the operation checks it is one of the plant's. */
const columnKey = z.string().trim().min(1).max(40);

export const moveInput = z.object({
  id,
  from: columnKey,
  to: columnKey,
  /** Sent from the device's outbox: written once, and a refusal says what happened meanwhile (lib/tickets/replay.ts). */
  clientId: clientIdInput,
});

/**
 * A move's statements, for one batch: the update (only from the column the user
 * saw the ticket in: one someone else moved meanwhile is not yanked back; and only
 * to a column still on the board, whatever an admin deleted meanwhile), its
 * timeline event, the reporter's notification, and the end of the machine's stop
 * when the move closes the ticket that stopped it. Entering a done column completes
 * the ticket (completed_at, which a move between two done columns keeps); any other
 * column clears it, as archiving always did.
 */
export function moveStatements(input: z.output<typeof moveInput>, actorId: number, now: Date, columns: readonly BoardColumn[]) {
  const [from, to] = [stageOf(columns, input.from), stageOf(columns, input.to)];
  const completedAt = to !== "done" ? sql`NULL` : from === "done" ? sql`completed_at` : sql`${now}`;
  return {
    change: sql`UPDATE tickets SET status = ${input.to}, completed_at = ${completedAt}, updated_at = ${now}
        WHERE id = ${input.id} AND deleted_at IS NULL AND status = ${input.from}
          AND EXISTS (SELECT 1 FROM board_columns WHERE key = ${input.to} AND deleted_at IS NULL)`,
    event: { ticketId: input.id, actorId, type: "status" as const, from: input.from, to: input.to, clientId: input.clientId },
    notify: reportChanged("report_status", input.id, { actorId, now }),
    after: endDowntimeOnClose(input.id, input.to, isClosedStage(to), actorId, now),
  };
}

/** The plant's column a move goes to, or the refusal: a key no live column has (deleted meanwhile, or never one). */
async function moveTarget(db: Db, to: string): Promise<BoardColumn[]> {
  const columns = await loadColumns(db);
  const column = columnOf(columns, to);
  if (!column || column.deleted) refuse("columnGone");
  return columns;
}

/**
 * After a move touched nothing: deleted, or moved by someone else since the person
 * saw it. A move with a client id may instead be one written before, sent again
 * from the outbox: then it returns, and the caller answers as the first time.
 */
async function refuseMove(ctx: ActionContext, move: { id: number; to: TicketStatus; clientId?: string }): Promise<void> {
  if (move.clientId) {
    const earlier = await earlierSend(ctx.db, move.clientId, ctx.user, "status");
    if (earlier && earlier.ticketId !== move.id) refuse("conflict");
    if (!earlier) await refuseMovedMeanwhile(ctx, move.id, move.to);
    return;
  }
  const exists = await ctx.db.ticket.count({ where: { id: move.id, deletedAt: null } });
  refuse(exists ? "movedMeanwhile" : "notFound");
}

/** A move's client id already taken: it was written before (the ticket has since come back), and nothing now. */
function sentBefore(error: unknown, clientId: string | undefined): boolean {
  return clientId !== undefined && isUniqueViolation(error);
}

export const moveTicket = defineOperation({ input: moveInput, permission: "ticket.move" }, async (input, ctx) => {
  const { user, now = new Date() } = ctx;
  // writtenAt: the server's clock once the move is in D1. The board keeps showing its own move until it has
  // a read that started later (components/tickets/board-columns.tsx), whatever live read comes in between.
  if (input.from === input.to) return { id: input.id, status: input.to, writtenAt: Date.now() };
  const columns = await moveTarget(ctx.db, input.to);
  const move = moveStatements(input, user.id, now, columns);
  const count = await changeTicketAndNotify(ctx, move.change, move.event, now, move.notify, move.after).catch((error: unknown) => {
    if (sentBefore(error, input.clientId)) return 0;
    throw error;
  });
  if (!count) await refuseMove(ctx, input);
  ticketsChanged(ctx);
  return { id: input.id, status: input.to, writtenAt: Date.now() };
});

export const finishInput = z.object({
  id,
  /** The status the person saw: the ticket is finished only from there. */
  from: columnKey,
  comment: z.string().trim().max(MAX_TICKET_TEXT).default(""),
  photos: mediaFiles,
  /** Sent from the device's outbox: finished once, as a move is (lib/tickets/replay.ts). */
  clientId: clientIdInput,
});

/**
 * "Terminé" from the home, with an optional comment and photos: the move, the
 * comment and the photos land in ONE batch with their timeline events, each
 * written only if the statement before it was (changes(): the move, then its event,
 * the comment, its event, the photos), so a ticket moved meanwhile gets neither a
 * stray comment nor a half finish, even from a finish at the very same instant (the
 * ticket's completion time alone could not tell two of those apart). The photos go
 * to R2 first and are removed again if nothing was written. The reporter is told of
 * the status, as for any move; the comment is on the ticket.
 */
export const finishTicket = defineOperation({ input: finishInput, permission: "ticket.move" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  // Terminé takes the ticket to the first done column (completed is one, and never deleted).
  const columns = await loadColumns(db);
  const to = firstColumnOf(columns, "done")!.key;
  if (stageOf(columns, input.from) === "done") refuse("invalid");
  const stored = await storeNewMedia(ctx, input.photos, { field: "photos", prefix: "tickets" });
  const move = moveStatements({ id: input.id, from: input.from, to, clientId: input.clientId }, user.id, now, columns);
  let written: Awaited<ReturnType<typeof writeAndNotify>>;
  try {
    written = await writeAndNotify(
      db,
      [
        move.change,
        ticketEventsInsert([move.event], now),
        ...(input.comment ? commentStatements(input.id, user.id, input.comment, now, onlyIfChanged) : []),
        ...(stored.length ? mediaStatements(stored, input.id, user.id, now, onlyIfChanged) : []),
      ],
      move.notify,
      move.after,
    );
  } catch (error) {
    await removeStoredObjects(ctx, stored);
    if (!sentBefore(error, input.clientId)) throw error;
    await refuseMove(ctx, { id: input.id, to, clientId: input.clientId });
    return { id: input.id, status: to, from: input.from };
  }
  // Told once the rows are written (a failed hand-off must not take the photos of a finished ticket away).
  await dispatchWritten(ctx, written.notifications);
  const count = written.results[0]!.changes;
  if (!count) {
    await removeStoredObjects(ctx, stored);
    await refuseMove(ctx, { id: input.id, to, clientId: input.clientId });
  }
  ticketsChanged(ctx);
  return { id: input.id, status: to, from: input.from };
});

// ---------------------------------------------------------------- assign, take

/** "" unassigns; otherwise the team or a person. */
const assignee = z.union([z.literal(""), assigneeInput]);

async function setAssignee(ctx: ActionContext, ticketId: number, to: number | null) {
  const { db, user, now = new Date() } = ctx;
  const ticket = await openTicket(db, ticketId);
  if (to !== null && to !== TEAM_ASSIGNEE) {
    const person = await db.user.findFirst({ where: { id: to, ...assignableWhere }, select: { id: true } });
    if (!person) refuse("invalid", { fields: { assignee: "assigneeInvalid" } });
  }
  if (ticket.assignedTo === to) return { id: ticket.id, assignedTo: to };
  const count = await changeTicketAndNotify(
    ctx,
    sql`UPDATE tickets SET assigned_to = ${to}, updated_at = ${now}
        WHERE id = ${ticket.id} AND deleted_at IS NULL AND assigned_to IS ${ticket.assignedTo}`,
    { ticketId: ticket.id, actorId: user.id, type: "assigned", from: ticket.assignedTo, to },
    now,
    ticketAssigned(ticket.id, to, { actorId: user.id, now }),
  );
  if (!count) await refuseStale(db, ticket.id);
  ticketsChanged(ctx);
  return { id: ticket.id, assignedTo: to };
}

export const assignTicket = defineOperation(
  { input: z.object({ id, assignee }), permission: "ticket.take" },
  async (input, ctx) => {
    const to = assigneeFromChoice(input.assignee);
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

export const scheduleTicket = defineOperation({ input: scheduleInput, permission: "ticket.schedule" }, async (input, ctx) => {
  const { db, user, locale, now = new Date() } = ctx;
  const ticket = await openTicket(db, input.id);
  let when: Date | null = null;
  if (input.date) {
    const { timeZone } = await getSettings(db);
    when = wallTimeToUtc(input.date, input.time || "08:00", timeZone);
    if (!when) refuse("invalid", { fields: { date: "dateInvalid" } });
    const { min, max } = scheduleBounds(utcToWallTime(now, timeZone).date);
    if (input.date < min) refuse("invalid", { fields: { date: "dateTooEarly" }, values: { min: formatDay(min, locale) } });
    if (input.date > max) refuse("invalid", { fields: { date: "dateTooLate" }, values: { max: formatDay(max, locale) } });
  }
  if ((ticket.scheduledDate?.getTime() ?? null) === (when?.getTime() ?? null)) return { id: ticket.id };
  const count = await changeTicket(
    db,
    sql`UPDATE tickets SET scheduled_date = ${when}, updated_at = ${now}
        WHERE id = ${ticket.id} AND deleted_at IS NULL AND scheduled_date IS ${ticket.scheduledDate}`,
    { ticketId: ticket.id, actorId: user.id, type: "scheduled", from: ticket.scheduledDate?.toISOString(), to: when?.toISOString() },
    now,
  );
  if (!count) await refuseStale(db, ticket.id);
  ticketsChanged(ctx);
  return { id: ticket.id };
});

export const setTicketPriority = defineOperation(
  { input: z.object({ id, priority: z.enum(ticketPriorities) }), permission: "ticket.setPriority" },
  async (input, ctx) => {
    const { db, user, now = new Date() } = ctx;
    const ticket = await openTicket(db, input.id);
    if (ticket.priority === input.priority) return { id: ticket.id };
    const count = await changeTicket(
      db,
      sql`UPDATE tickets SET priority = ${input.priority}, updated_at = ${now}
          WHERE id = ${ticket.id} AND deleted_at IS NULL AND priority = ${ticket.priority}`,
      { ticketId: ticket.id, actorId: user.id, type: "priority", from: ticket.priority, to: input.priority },
      now,
    );
    if (!count) await refuseStale(db, ticket.id);
    ticketsChanged(ctx);
    return { id: ticket.id };
  },
);

// ---------------------------------------------------------------- delete

export const deleteTicket = defineOperation({ input: z.object({ id }), permission: "ticket.delete" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const [deleted] = await writeBatch(db, [
    sql`UPDATE tickets SET deleted_at = ${now}, updated_at = ${now} WHERE id = ${input.id} AND deleted_at IS NULL`,
    ticketEventsInsert([{ ticketId: input.id, actorId: user.id, type: "deleted" }], now)!,
    // A deleted ticket no longer holds its machine down.
    ...endDowntimeOnDelete(input.id, user.id, now),
  ]);
  if (!deleted!.changes) refuse("notFound");
  ticketsChanged(ctx);
  return { id: input.id };
});
