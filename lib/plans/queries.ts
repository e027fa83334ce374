// What pages read about plans: a machine's plans, a ticket's plan and checklist,
// and the planning of the weeks ahead, each in a fixed number of queries.
import { z } from "zod";
import type { Db } from "../db/client";
import { addDays } from "./recurrence";
import { startOfFactoryDay, utcToWallTime } from "../factory-time";
import { machineLabel, machineLabelSql } from "../machines/model";
import { assignableWhere } from "../permissions";
import { assigneeFromChoice, assigneeInput, TEAM_ASSIGNEE } from "../tickets/model";
import { FLAGGED_PLAN_SQL, isFlagged, planSelect, ruleOf, toSummary, type PlanSummary } from "./model";
import { occurrencesBetween } from "./recurrence";

/** A machine's plans (deleted ones aside), paused ones included. */
export async function listMachinePlans(db: Db, machineId: number): Promise<PlanSummary[]> {
  const rows = await db.maintenancePlan.findMany({ where: { machineId, deletedAt: null }, orderBy: [{ title: "asc" }, { id: "asc" }], select: planSelect });
  return rows.map(toSummary);
}

/** The people a plan can be assigned to (as tickets: active, not operators). */
export async function listAssignable(db: Db) {
  return db.user.findMany({ where: assignableWhere, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The plan a ticket was generated from (even deleted) and its checklist, with who ticked each step. */
export async function getTicketChecklist(db: Db, ticket: { id: number; planId: number | null }) {
  if (ticket.planId === null) return null;
  const [plan, steps] = await Promise.all([
    db.maintenancePlan.findUnique({ where: { id: ticket.planId }, select: { id: true, title: true, machineId: true, deletedAt: true } }),
    db.ticketChecklistItem.findMany({
      where: { ticketId: ticket.id },
      orderBy: { position: "asc" },
      select: { id: true, label: true, doneAt: true, doer: { select: { name: true } } },
    }),
  ]);
  return plan ? { plan, steps } : null;
}
export type TicketChecklist = NonNullable<Awaited<ReturnType<typeof getTicketChecklist>>>;

/** The machines a planning can be filtered by, by name. */
export async function listMachineChoices(db: Db) {
  const rows = await db.machine.findMany({ select: { id: true, machineType: true, model: true }, orderBy: [{ machineType: "asc" }, { id: "asc" }] });
  return rows.map((m) => ({ id: m.id, label: machineLabel(m) }));
}

/** /planning's GET form: anything unknown is no filter, never an error. */
export const planningFilters = z.object({
  machine: z.coerce.number().int().positive().optional().catch(undefined),
  assignee: assigneeInput.optional().catch(undefined),
});

/** How many weeks /planning shows. */
export const PLANNING_WEEKS = 8;

export interface PlanningFilters {
  machineId?: number;
  assignee?: z.output<typeof assigneeInput>;
}

export interface PlannedItem {
  key: string;
  at: Date;
  /** The factory day (YYYY-MM-DD) it falls on. */
  day: string;
  planId: number;
  title: string;
  machineId: number;
  machine: string;
  assignedTo: number;
  priority: string;
  /** Set once the cron generated its ticket. */
  ticketId?: string;
}

/** Monday of the factory week of `now`, as YYYY-MM-DD. */
export function weekStart(now: Date, timeZone: string): string {
  const today = utcToWallTime(now, timeZone).date;
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, -weekday);
}

/**
 * The next weeks of preventive work, from this week's Monday: occurrences still
 * to be generated, computed from the active plans, and tickets plans already
 * generated for occurrences in those weeks. Two queries.
 */
export async function getPlanning(db: Db, now: Date, timeZone: string, filters: PlanningFilters) {
  const first = weekStart(now, timeZone);
  const from = startOfFactoryDay(first, timeZone);
  const to = startOfFactoryDay(addDays(first, PLANNING_WEEKS * 7), timeZone);
  const assignedTo = filters.assignee === undefined ? undefined : assigneeFromChoice(filters.assignee);
  const where = { machineId: filters.machineId, assignedTo };
  const [plans, tickets] = await Promise.all([
    db.maintenancePlan.findMany({
      where: { ...where, deletedAt: null },
      select: { ...planSelect, machine: { select: { machineType: true, model: true } } },
    }),
    db.ticket.findMany({
      where: { ...where, deletedAt: null, planId: { not: null }, planDueAt: { gte: from, lt: to } },
      select: { ticketId: true, title: true, planId: true, planDueAt: true, machineId: true, assignedTo: true, priority: true, machine: { select: { machineType: true, model: true } } },
    }),
  ]);
  const items: PlannedItem[] = [];
  for (const plan of plans) {
    if (plan.paused || !plan.nextDueAt) continue;
    const start = plan.nextDueAt.getTime() > from.getTime() ? plan.nextDueAt : from;
    const dates = plan.recurrence === "after_completion" ? (plan.nextDueAt < to ? [plan.nextDueAt] : []) : occurrencesBetween(ruleOf(plan), start, to, timeZone);
    for (const at of dates) {
      items.push({ key: `p${plan.id}-${at.getTime()}`, at, day: utcToWallTime(at, timeZone).date, planId: plan.id, title: plan.title, machineId: plan.machineId, machine: machineLabel(plan.machine), assignedTo: plan.assignedTo, priority: plan.priority });
    }
  }
  for (const t of tickets) {
    const at = t.planDueAt!;
    items.push({ key: `t${t.ticketId}`, at, day: utcToWallTime(at, timeZone).date, planId: t.planId!, title: t.title, machineId: t.machineId, machine: machineLabel(t.machine), assignedTo: t.assignedTo ?? TEAM_ASSIGNEE, priority: t.priority, ticketId: t.ticketId });
  }
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.title.localeCompare(b.title));
  const flagged = plans.filter((p) => !p.paused && isFlagged(p)).map((p) => ({ id: p.id, title: p.title, machineId: p.machineId, machine: machineLabel(p.machine) }));
  const days = Array.from({ length: PLANNING_WEEKS * 7 }, (_, i) => addDays(first, i));
  return { days, items, flagged, today: utcToWallTime(now, timeZone).date };
}
export type Planning = Awaited<ReturnType<typeof getPlanning>>;

/** The plans flagged to leads (model.ts), the longest streak of never-started tickets first, with their machine. One query. */
export async function listFlaggedPlans(db: Db, take: number) {
  const rows = await db.$queryRawUnsafe<{ id: number; title: string; machine_id: number; missed_streak: number; machine: string }[]>(
    `SELECT p.id, p.title, p.machine_id, p.missed_streak, ${machineLabelSql("m")} AS machine
     FROM maintenance_plans p JOIN machines m ON m.id = p.machine_id
     WHERE ${FLAGGED_PLAN_SQL}
     ORDER BY p.missed_streak DESC, p.title, p.id
     LIMIT ?1`,
    take,
  );
  return rows.map((r) => ({ id: Number(r.id), title: r.title, machineId: Number(r.machine_id), missedStreak: Number(r.missed_streak), machine: r.machine }));
}
