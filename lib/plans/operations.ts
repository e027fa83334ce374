// Leads create, edit, pause and delete plans. None of these touches a ticket the
// plan already generated: they write the plan's row only, and the tickets carry
// copies (title, assignee, priority, checklist) made when they were generated.
// Every change is audited like a machine's: the change and its audit entry go in
// one D1 batch (changeAudited, lib/audit.ts), and a change that touched no row
// (deleted or paused meanwhile) writes no entry.
import { z } from "zod";
import { changeAudited } from "../audit";
import { sql } from "../db/sql";
import { type Db } from "../db/client";
import { wallTimeToUtc } from "../factory-time";
import { formatDay } from "../format";
import type { Locale } from "../i18n";
import { defineOperation, refuse } from "../operation";
import { machineLabel } from "../machines/model";
import { assignableWhere } from "../permissions";
import { getSettings } from "../settings/settings";
import { TEAM_ASSIGNEE } from "../tickets/model";
import { assigneeOf, checkPlan, checkPlanStart, MAX_STEP_LENGTH, parseSteps, planInput, ruleOf, type PlanInput, type PlanStart } from "./model";
import { dueAfterCompletion, firstOccurrenceFrom, type RecurrenceRule } from "./recurrence";

const id = z.coerce.number().int().positive();

interface PlanCheckOptions {
  timeZone: string;
  now: Date;
  locale: Locale;
  /** An edit: the plan's first due date as it was (kept, it may lie in the past). */
  previous?: PlanStart;
}

/** The checks zod cannot word well: each one refused on its field, nothing written. */
async function refuseBadPlan(db: Db, input: Omit<PlanInput, "machineId">, { timeZone, now, locale, previous }: PlanCheckOptions) {
  const problem = checkPlan(input);
  if (problem) {
    const values: Record<string, number> = "max" in problem ? { max: problem.max } : "step" in problem ? { step: problem.step, max: MAX_STEP_LENGTH } : {};
    refuse("invalid", { fields: { [problem.field]: problem.rule }, values });
  }
  if (!wallTimeToUtc(input.startDate, input.timeOfDay, timeZone)) refuse("invalid", { fields: { startDate: "dateInvalid" } });
  const start = checkPlanStart(input, { now, timeZone, previous });
  if (start) {
    const values: Record<string, string> = "min" in start ? { min: formatDay(start.min, locale) } : "max" in start ? { max: formatDay(start.max, locale) } : {};
    refuse("invalid", { fields: { [start.field]: start.rule }, values });
  }
  const assignee = assigneeOf(input);
  if (assignee !== TEAM_ASSIGNEE) {
    const person = await db.user.findFirst({ where: { id: assignee, ...assignableWhere }, select: { id: true } });
    if (!person) refuse("invalid", { fields: { assignee: "assigneeInvalid" } });
  }
}

/**
 * The occurrence a plan creates next, from now: never one it already generated
 * (an edit or a resume does not bring back a passed or created occurrence). An
 * after-completion plan waits (null) while its last ticket is open.
 */
export async function nextDueFor(db: Db, planId: number | null, rule: RecurrenceRule, now: Date, timeZone: string): Promise<Date | null> {
  const last = planId
    ? await db.ticket.findFirst({ where: { planId }, orderBy: { id: "desc" }, select: { planDueAt: true, completedAt: true, deletedAt: true } })
    : null;
  if (rule.recurrence === "after_completion") {
    if (!last) return firstOccurrenceFrom(rule, now, timeZone);
    const done = last.completedAt ?? last.deletedAt;
    return done ? dueAfterCompletion(rule, done, timeZone) : null;
  }
  const after = last?.planDueAt && last.planDueAt.getTime() >= now.getTime() ? new Date(last.planDueAt.getTime() + 1) : now;
  return firstOccurrenceFrom(rule, after, timeZone);
}

/** The columns of a plan as the form sets them (updated_at too: Prisma's @updatedAt does not see raw SQL). */
function planColumns(input: Omit<PlanInput, "machineId">, now: Date) {
  return sql`title = ${input.title}, steps = ${JSON.stringify(input.steps)}, assigned_to = ${assigneeOf(input)},
             priority = ${input.priority}, recurrence = ${input.recurrence}, interval_count = ${input.interval},
             start_date = ${input.startDate}, time_of_day = ${input.timeOfDay}, lead_days = ${input.leadDays}, updated_at = ${now}`;
}

/** A plan's fields, as read from its row or set by the form. */
interface PlanFields {
  machineId: number;
  title: string;
  steps: string[];
  assignedTo: number;
  priority: string;
  recurrence: string;
  interval: number;
  startDate: string;
  timeOfDay: string;
  leadDays: number;
  paused: boolean;
  nextDueAt: Date | null;
}

function fieldsOf(input: Omit<PlanInput, "machineId">, machineId: number, paused: boolean, nextDueAt: Date | null): PlanFields {
  const { title, steps, priority, recurrence, interval, startDate, timeOfDay, leadDays } = input;
  return { machineId, title, steps, assignedTo: assigneeOf(input), priority, recurrence, interval, startDate, timeOfDay, leadDays, paused, nextDueAt };
}

function fieldsOfRow(plan: Omit<PlanFields, "steps"> & { steps: string }): PlanFields {
  const { machineId, title, assignedTo, priority, recurrence, interval, startDate, timeOfDay, leadDays, paused, nextDueAt } = plan;
  return { machineId, title, steps: parseSteps(plan.steps), assignedTo, priority, recurrence, interval, startDate, timeOfDay, leadDays, paused, nextDueAt };
}

/**
 * What the audit log records of plans (one per version, before or after): the log
 * page resolves no ids, so the machine and the assignee are recorded by name, as
 * they are named when the change is made. The whole team is recorded as
 * TEAM_ASSIGNEE (0), which no person's name can be mistaken for.
 */
async function auditRecords(db: Db, ...versions: PlanFields[]) {
  const people = [...new Set(versions.map((v) => v.assignedTo).filter((id) => id !== TEAM_ASSIGNEE))];
  const [machines, users] = await Promise.all([
    db.machine.findMany({ where: { id: { in: [...new Set(versions.map((v) => v.machineId))] } }, select: { id: true, machineType: true, model: true } }),
    people.length ? db.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } }) : [],
  ]);
  const machineName = new Map(machines.map((m) => [m.id, `${machineLabel(m)} #${m.id}`]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return versions.map(({ machineId, assignedTo, ...fields }) => ({
    title: fields.title,
    machine: machineName.get(machineId) ?? `#${machineId}`,
    assignee: assignedTo === TEAM_ASSIGNEE ? TEAM_ASSIGNEE : (userName.get(assignedTo) ?? `#${assignedTo}`),
    priority: fields.priority,
    recurrence: fields.recurrence,
    interval: fields.interval,
    startDate: fields.startDate,
    timeOfDay: fields.timeOfDay,
    leadDays: fields.leadDays,
    steps: fields.steps,
    paused: fields.paused,
    nextDueAt: fields.nextDueAt,
  }));
}

async function openPlan(db: Db, planId: number) {
  return (await db.maintenancePlan.findFirst({ where: { id: planId, deletedAt: null } })) ?? refuse("notFound");
}

export const createPlan = defineOperation({ input: planInput, permission: "plan.manage" }, async (input, { db, user, locale, now = new Date() }) => {
  const { timeZone } = await getSettings(db);
  await refuseBadPlan(db, input, { timeZone, now, locale });
  const machine = await db.machine.findUnique({ where: { id: input.machineId }, select: { id: true } });
  if (!machine) refuse("invalid", { fields: { machineId: "machineMissing" } });
  const nextDueAt = await nextDueFor(db, null, ruleOf(input), now, timeZone);
  const [after] = await auditRecords(db, fieldsOf(input, input.machineId, false, nextDueAt));
  const { rows } = await changeAudited(
    db,
    // Only if the machine is still there (deleted meanwhile: no plan, no entry).
    sql`INSERT INTO maintenance_plans (machine_id, title, steps, assigned_to, priority, recurrence, interval_count, start_date,
                                       time_of_day, lead_days, next_due_at, created_by, created_at, updated_at)
        SELECT ${input.machineId}, ${input.title}, ${JSON.stringify(input.steps)}, ${assigneeOf(input)}, ${input.priority}, ${input.recurrence},
               ${input.interval}, ${input.startDate}, ${input.timeOfDay}, ${input.leadDays}, ${nextDueAt}, ${user.id}, ${now}, ${now}
        WHERE EXISTS (SELECT 1 FROM machines WHERE id = ${input.machineId})
        RETURNING id`,
    [{ actorId: user.id, action: "plan.created", entityType: "plan", after }],
    now,
    // The plan just inserted: ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
    { entityId: sql`(SELECT MAX(id) FROM maintenance_plans)` },
  );
  if (!rows.length) refuse("invalid", { fields: { machineId: "machineMissing" } });
  return { id: Number(rows[0]!.id), machineId: input.machineId };
});

export const updatePlan = defineOperation(
  { input: planInput.omit({ machineId: true }).extend({ id }), permission: "plan.manage" },
  async ({ id: planId, ...input }, { db, user, locale, now = new Date() }) => {
    const [{ timeZone }, plan] = await Promise.all([getSettings(db), openPlan(db, planId)]);
    await refuseBadPlan(db, input, { timeZone, now, locale, previous: plan });
    const rule = ruleOf(input);
    const sameRule = JSON.stringify(rule) === JSON.stringify(ruleOf(plan));
    const nextDueAt = sameRule ? plan.nextDueAt : await nextDueFor(db, planId, rule, now, timeZone);
    const [before, after] = await auditRecords(db, fieldsOfRow(plan), fieldsOf(input, plan.machineId, plan.paused, nextDueAt));
    // Conditional on the plan still being there; next_due_at only moves with the rule, so a claim
    // the cron makes meanwhile is kept (its occurrence is not generated twice: tickets' unique index).
    const { changes } = await changeAudited(
      db,
      sql`UPDATE maintenance_plans SET ${planColumns(input, now)}${sameRule ? sql`` : sql`, next_due_at = ${nextDueAt}`}
          WHERE id = ${planId} AND deleted_at IS NULL`,
      [{ actorId: user.id, action: "plan.updated", entityType: "plan", entityId: planId, before, after }],
      now,
    );
    if (!changes) refuse("notFound");
    return { id: planId, machineId: plan.machineId };
  },
);

export const setPlanPaused = defineOperation(
  { input: z.object({ id, paused: z.enum(["0", "1"]).transform((v) => v === "1") }), permission: "plan.manage" },
  async (input, { db, user, now = new Date() }) => {
    const plan = await openPlan(db, input.id);
    if (plan.paused === input.paused) return { id: plan.id, machineId: plan.machineId };
    // A resumed plan starts again from now: what fell due while it was paused is not made up for.
    const nextDueAt = input.paused ? plan.nextDueAt : await nextDueFor(db, plan.id, ruleOf(plan), now, (await getSettings(db)).timeZone);
    const [before, after] = await auditRecords(db, fieldsOfRow(plan), { ...fieldsOfRow(plan), paused: input.paused, nextDueAt });
    const { changes } = await changeAudited(
      db,
      sql`UPDATE maintenance_plans SET paused = ${input.paused}${input.paused ? sql`` : sql`, next_due_at = ${nextDueAt}`}, updated_at = ${now}
          WHERE id = ${plan.id} AND deleted_at IS NULL AND paused = ${plan.paused}`,
      [{ actorId: user.id, action: input.paused ? "plan.paused" : "plan.resumed", entityType: "plan", entityId: plan.id, before, after }],
      now,
    );
    if (!changes) refuse("conflict");
    return { id: plan.id, machineId: plan.machineId };
  },
);

/** The row stays (deleted_at), so the tickets it generated still name their plan. */
export const deletePlan = defineOperation({ input: z.object({ id }), permission: "plan.manage" }, async (input, { db, user, now = new Date() }) => {
  const plan = await openPlan(db, input.id);
  const [before] = await auditRecords(db, fieldsOfRow(plan));
  const { changes } = await changeAudited(
    db,
    sql`UPDATE maintenance_plans SET deleted_at = ${now}, updated_at = ${now} WHERE id = ${plan.id} AND deleted_at IS NULL`,
    [{ actorId: user.id, action: "plan.deleted", entityType: "plan", entityId: plan.id, before }],
    now,
  );
  if (!changes) refuse("notFound");
  return { id: plan.id, machineId: plan.machineId };
});
