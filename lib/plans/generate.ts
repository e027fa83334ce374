// The cron's side of plans: each occurrence whose creation time has come becomes
// one ticket, once. D1 has no interactive transactions, so the claim is one
// conditional UPDATE of the plan's next_due_at (from the occurrence read to the
// one after it), sent in one batch with everything it creates: the ticket (only
// if the claim changed a row), its timeline event, its checklist and the
// notification to its assignee, each guarded by the row count of the statement
// before it. Of two overlapping runs that read the same occurrence, the second's
// claim finds next_due_at already moved and writes nothing. The unique
// (plan_id, plan_due_at) index on tickets is the last word.
import { isUniqueViolation, sql, sqlDate, sqlName, type Statement } from "../db/sql";
import { onlyIfChanged, writeBatch } from "../db/batch";
import { type Db } from "../db/client";
import { ticketEventsInsert } from "../tickets/events";
import { factoryDay } from "../tickets/ids";
import { newTicket, ticketInsert } from "../tickets/operations";
import { assigneesWho, notificationRows, notifyUsers, type NotificationRow } from "../notifications/events";
import { NEVER_STARTED_STAGE, parseSteps, planSelect, ruleOf } from "./model";
import { CLOSED_KEYS_SQL, stageKeysSql } from "../tickets/columns";
import { creationTime, dueAfterCompletion, occurrenceAfterGenerated } from "./recurrence";

/** The cron_runs job name. */
export const PLANS_JOB = "preventive-plans";

export interface GenerateOptions {
  now: Date;
  timeZone: string;
  ticketPrefix: string;
}

export interface GenerateResult {
  /** Occurrences whose creation time had come. */
  found: number;
  /** Tickets this run created. */
  created: number;
  /** Occurrences another run had claimed first. */
  skipped: number;
  notifications: NotificationRow[];
}

const neverStarted = stageKeysSql(NEVER_STARTED_STAGE);

// After-completion plans whose last ticket is done and whose next due time is not set yet.
const WAITING_PLANS = `
  FROM maintenance_plans p JOIN tickets t ON t.id = (SELECT MAX(id) FROM tickets WHERE plan_id = p.id)
  WHERE p.recurrence = 'after_completion' AND p.next_due_at IS NULL AND p.paused = 0 AND p.deleted_at IS NULL
    AND (t.completed_at IS NOT NULL OR t.deleted_at IS NOT NULL OR t.status IN ${stageKeysSql("archived")})`;

/**
 * The plans job's question (lib/job-questions.ts, ?1 the run's moment): a plan waiting
 * to learn its next due time, or one whose ticket's creation time may have come. A
 * ticket is created `lead_days` factory days before its occurrence at the same wall
 * time: in UTC, lead_days × 24 h earlier give or take a DST change (an hour; 2 hours
 * kept). The question errs early; creationTime() decides to the minute.
 */
export function plansQuestion(): Statement {
  return sql`SELECT EXISTS (SELECT 1 ${sqlName(WAITING_PLANS)})
    OR EXISTS (SELECT 1 FROM maintenance_plans p WHERE p.paused = 0 AND p.deleted_at IS NULL AND p.next_due_at IS NOT NULL
               AND julianday(p.next_due_at) - p.lead_days - 2.0 / 24 <= julianday(?1))`;
}

/**
 * After-completion plans whose last ticket is done (completed, or deleted)
 * learn their next due time. Conditional on that ticket still being the plan's
 * last and on nothing set yet: a run that read before another generated the next
 * ticket cannot bring the old occurrence back.
 */
async function scheduleAfterCompletion(db: Db, { timeZone }: GenerateOptions): Promise<void> {
  const waiting = await db.$queryRawUnsafe<{ id: number; interval_count: number; time_of_day: string; last_id: number; done_at: string }[]>(
    // Archiving clears completed_at: an archived ticket's completion is its last move to a
    // closed status, read from its timeline (as lib/reliability/ reads closings).
    `SELECT p.id, p.interval_count, p.time_of_day, t.id AS last_id,
            COALESCE(t.completed_at, t.deleted_at,
              (SELECT MAX(e.created_at) FROM ticket_events e
               WHERE e.ticket_id = t.id AND e.type = 'status' AND e.to_value IN ${CLOSED_KEYS_SQL})) AS done_at
     ${WAITING_PLANS}`,
  );
  for (const plan of waiting) {
    const due = dueAfterCompletion({ interval: Number(plan.interval_count), timeOfDay: plan.time_of_day }, new Date(plan.done_at), timeZone);
    await db.$executeRawUnsafe(
      `UPDATE maintenance_plans SET next_due_at = ?1
       WHERE id = ?2 AND next_due_at IS NULL AND (SELECT MAX(id) FROM tickets WHERE plan_id = ?2) = ?3`,
      sqlDate(due),
      Number(plan.id),
      Number(plan.last_id),
    );
  }
}

type DuePlan = Awaited<ReturnType<typeof duePlans>>[number];

async function duePlans(db: Db) {
  return db.maintenancePlan.findMany({
    where: { paused: false, deletedAt: null, nextDueAt: { not: null } },
    // The plan as model.ts reads it, and who made it (the ticket is reported in their name).
    select: { ...planSelect, createdBy: true },
    orderBy: { nextDueAt: "asc" },
  });
}

/** The claim: the plan moves on from `dueAt` to `next`, counting whether its last ticket was ever started. */
function claimOccurrence(planId: number, dueAt: Date, next: Date | null): Statement {
  return sql`
    UPDATE maintenance_plans SET next_due_at = ${next ? sqlDate(next) : null},
      missed_streak = CASE WHEN (SELECT status FROM tickets WHERE id = (SELECT MAX(id) FROM tickets WHERE plan_id = ${planId}))
                                IN ${sqlName(neverStarted)} THEN missed_streak + 1 ELSE 0 END
    WHERE id = ${planId} AND next_due_at = ${sqlDate(dueAt)} AND paused = 0 AND deleted_at IS NULL`;
}

function occurrenceStatements(plan: DuePlan, dueAt: Date, next: Date | null, options: GenerateOptions): Statement[] {
  const { now, timeZone, ticketPrefix } = options;
  const steps = parseSteps(plan.steps);
  return [
    claimOccurrence(plan.id, dueAt, next),
    ticketInsert({
      title: plan.title,
      description: "",
      machineId: plan.machineId,
      priority: plan.priority,
      reportedBy: plan.createdBy,
      sourceMessageId: null,
      prefix: ticketPrefix,
      day: factoryDay(now, timeZone),
      now,
      plan: { id: plan.id, dueAt, assignedTo: plan.assignedTo },
    }),
    ticketEventsInsert([{ ticketId: 0, actorId: null, type: "plan_created", to: plan.title }], now, { ticket: newTicket })!,
    // The plan's steps as they are now: a later edit of the plan leaves this ticket's list alone.
    sql`INSERT INTO ticket_checklist_items (ticket_id, position, label)
        SELECT ${newTicket}, CAST(e.key AS INTEGER), e.value FROM json_each(${JSON.stringify(steps)}) AS e WHERE ${onlyIfChanged}`,
    // Told like any assignment; guarded by the checklist (a plan has at least one step).
    notifyUsers("assigned", assigneesWho(plan.assignedTo), { ticketId: newTicket }, { actorId: null, now }),
  ];
}

/** Creates every ticket due by `now`, once; returns what it found and did. */
export async function generatePlanTickets(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const { now, timeZone } = options;
  await scheduleAfterCompletion(db, options);
  const result: GenerateResult = { found: 0, created: 0, skipped: 0, notifications: [] };
  for (const plan of await duePlans(db)) {
    const dueAt = plan.nextDueAt!;
    if (creationTime(dueAt, plan.leadDays, timeZone).getTime() > now.getTime()) continue;
    result.found++;
    const next = occurrenceAfterGenerated(ruleOf(plan), dueAt, now, timeZone);
    try {
      const results = await writeBatch(db, occurrenceStatements(plan, dueAt, next, options));
      if (results[1]!.changes) {
        result.created++;
        result.notifications.push(...notificationRows(results[4]!.rows));
      } else result.skipped++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The occurrence already has its ticket (an edit set it back meanwhile): move on, create nothing.
      await writeBatch(db, [claimOccurrence(plan.id, dueAt, next)]);
      result.skipped++;
    }
  }
  return result;
}
