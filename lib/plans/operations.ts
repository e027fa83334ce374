// Leads create, edit, pause and delete plans. None of these touches a ticket the
// plan already generated: they write the plan's row only, and the tickets carry
// copies (title, assignee, priority, checklist) made when they were generated.
import { z } from "zod";
import type { Db } from "../db";
import { wallTimeToUtc } from "../factory-time";
import { defineOperation, refuse } from "../operation";
import { getSettings } from "../settings/settings";
import { TEAM_ASSIGNEE } from "../tickets/model";
import { assigneeOf, checkPlan, MAX_STEP_LENGTH, planInput, ruleOf, type PlanInput } from "./model";
import { dueAfterCompletion, firstOccurrenceFrom, type RecurrenceRule } from "./recurrence";

const id = z.coerce.number().int().positive();

/** The checks zod cannot word well: each one refused on its field, nothing written. */
async function refuseBadPlan(db: Db, input: Omit<PlanInput, "machineId">, timeZone: string) {
  const problem = checkPlan(input);
  if (problem) {
    const values: Record<string, number> = "max" in problem ? { max: problem.max } : "step" in problem ? { step: problem.step, max: MAX_STEP_LENGTH } : {};
    refuse("invalid", { fields: { [problem.field]: problem.rule }, values });
  }
  if (!wallTimeToUtc(input.startDate, input.timeOfDay, timeZone)) refuse("invalid", { fields: { startDate: "dateInvalid" } });
  const assignee = assigneeOf(input);
  if (assignee !== TEAM_ASSIGNEE) {
    const person = await db.user.findFirst({ where: { id: assignee, active: true, role: { not: "operator" } }, select: { id: true } });
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

function planColumns(input: Omit<PlanInput, "machineId">) {
  return {
    title: input.title,
    steps: JSON.stringify(input.steps),
    assignedTo: assigneeOf(input),
    priority: input.priority,
    recurrence: input.recurrence,
    interval: input.interval,
    startDate: input.startDate,
    timeOfDay: input.timeOfDay,
    leadDays: input.leadDays,
  };
}

async function openPlan(db: Db, planId: number) {
  return (await db.maintenancePlan.findFirst({ where: { id: planId, deletedAt: null } })) ?? refuse("notFound");
}

export const createPlan = defineOperation({ input: planInput, permission: "plan.manage" }, async (input, { db, user, now = new Date() }) => {
  const { timeZone } = await getSettings(db);
  await refuseBadPlan(db, input, timeZone);
  const machine = await db.machine.findUnique({ where: { id: input.machineId }, select: { id: true } });
  if (!machine) refuse("invalid", { fields: { machineId: "machineMissing" } });
  const plan = await db.maintenancePlan.create({
    data: {
      ...planColumns(input),
      machineId: input.machineId,
      nextDueAt: await nextDueFor(db, null, ruleOf(input), now, timeZone),
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    },
    select: { id: true, machineId: true },
  });
  return plan;
});

export const updatePlan = defineOperation(
  { input: planInput.omit({ machineId: true }).extend({ id }), permission: "plan.manage" },
  async ({ id: planId, ...input }, { db, now = new Date() }) => {
    const { timeZone } = await getSettings(db);
    await refuseBadPlan(db, input, timeZone);
    const plan = await openPlan(db, planId);
    const rule = ruleOf(input);
    const sameRule = JSON.stringify(rule) === JSON.stringify(ruleOf(plan));
    const nextDueAt = sameRule ? plan.nextDueAt : await nextDueFor(db, planId, rule, now, timeZone);
    // Conditional on the plan still being there; next_due_at only moves with the rule, so a claim
    // the cron makes meanwhile is kept (its occurrence is not generated twice: tickets' unique index).
    const { count } = await db.maintenancePlan.updateMany({
      where: { id: planId, deletedAt: null },
      data: { ...planColumns(input), ...(sameRule ? {} : { nextDueAt }), updatedAt: now },
    });
    if (!count) refuse("notFound");
    return { id: planId, machineId: plan.machineId };
  },
);

export const setPlanPaused = defineOperation(
  { input: z.object({ id, paused: z.enum(["0", "1"]).transform((v) => v === "1") }), permission: "plan.manage" },
  async (input, { db, now = new Date() }) => {
    const plan = await openPlan(db, input.id);
    if (plan.paused === input.paused) return { id: plan.id, machineId: plan.machineId };
    // A resumed plan starts again from now: what fell due while it was paused is not made up for.
    const resumedAt = input.paused ? {} : { nextDueAt: await nextDueFor(db, plan.id, ruleOf(plan), now, (await getSettings(db)).timeZone) };
    const { count } = await db.maintenancePlan.updateMany({
      where: { id: plan.id, deletedAt: null, paused: plan.paused },
      data: { paused: input.paused, ...resumedAt, updatedAt: now },
    });
    if (!count) refuse("conflict");
    return { id: plan.id, machineId: plan.machineId };
  },
);

/** The row stays (deleted_at), so the tickets it generated still name their plan. */
export const deletePlan = defineOperation({ input: z.object({ id }), permission: "plan.manage" }, async (input, { db, now = new Date() }) => {
  const plan = await openPlan(db, input.id);
  const { count } = await db.maintenancePlan.updateMany({ where: { id: plan.id, deletedAt: null }, data: { deletedAt: now, updatedAt: now } });
  if (!count) refuse("notFound");
  return { id: plan.id, machineId: plan.machineId };
});
