// What a preventive plan is, as rules: its fields, its checklist, when it is
// flagged. The recurrence itself is in recurrence.ts (pure, unit-tested).
import { z } from "zod";
import { utcToWallTime, wallTimeToUtc } from "../factory-time";
import { assigneeFromChoice, assigneeInput, scheduleBounds, ticketPriorities, OVERDUE_STAGE } from "../tickets/model";
import { addDays, recurrences, shortestGapDays, type RecurrenceRule, type Recurrence } from "./recurrence";

/** The longest checklist step the server accepts. */
export const MAX_STEP_LENGTH = 500;
export const MAX_STEPS = 50;
export const MAX_INTERVAL = 999;
export const MAX_LEAD_DAYS = 365;

/**
 * "Never started": a generated ticket still in a column "not started" (received,
 * diagnostic, or one the plant added there: the stage in which a passed date makes
 * a ticket overdue) when the plan generated the next one. The cron counts them in a row (missed_streak, reset by the first
 * ticket that was started); deleted tickets count by their status when deleted.
 * After-completion plans generate the next only once the last is completed, so
 * they are never flagged.
 */
export const NEVER_STARTED_STAGE = OVERDUE_STAGE;
/** Flagged to leads from this many never-started tickets in a row. */
export const FLAG_AFTER_MISSED = 3;

export function isFlagged(plan: { missedStreak: number }): boolean {
  return plan.missedStreak >= FLAG_AFTER_MISSED;
}

/**
 * The plans flagged to leads, as SQL over `maintenance_plans AS p`: isFlagged over
 * the live plans (not paused, not deleted), as /planning and the machine page show
 * them; tests/integration/home.test.ts proves the two forms agree.
 */
export const FLAGGED_PLAN_SQL = `p.deleted_at IS NULL AND p.paused = 0 AND p.missed_streak >= ${FLAG_AFTER_MISSED}`;

/** A form field that may be empty: empty is "missing" (required), not 0. */
const wholeNumber = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.coerce.number().int());

/**
 * The plan form. Steps come one per line (blank lines dropped). The interval's
 * lower bound, the lead time and the steps' lengths are checked by the
 * operation (checkPlan), which words each refusal precisely.
 */
export const planInput = z.object({
  machineId: z.coerce.number().int().positive(),
  title: z.string().trim().min(3).max(120),
  steps: z
    .string()
    .default("")
    .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)),
  assignee: assigneeInput,
  priority: z.enum(ticketPriorities).default("medium"),
  recurrence: z.enum(recurrences),
  interval: wholeNumber.pipe(z.number().max(MAX_INTERVAL)),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  timeOfDay: z.string().regex(/^\d{2}:\d{2}$/),
  leadDays: wholeNumber.pipe(z.number().min(0).max(MAX_LEAD_DAYS)).default(0),
});
export type PlanInput = z.output<typeof planInput>;

export function assigneeOf(input: Pick<PlanInput, "assignee">): number {
  return assigneeFromChoice(input.assignee);
}

/** The problem with a valid-looking plan, as a rule code for one field (null: none). */
export type PlanProblem =
  | { field: "interval"; rule: "intervalNeverFires" }
  | { field: "leadDays"; rule: "leadTooLong"; max: number }
  | { field: "steps"; rule: "stepsRequired" | "tooManySteps" }
  | { field: "steps"; rule: "stepTooLong"; step: number };

export function checkPlan(input: Pick<PlanInput, "interval" | "leadDays" | "steps" | "recurrence">): PlanProblem | null {
  if (input.interval < 1) return { field: "interval", rule: "intervalNeverFires" };
  const max = shortestGapDays(input);
  if (input.leadDays > max) return { field: "leadDays", rule: "leadTooLong", max };
  if (!input.steps.length) return { field: "steps", rule: "stepsRequired" };
  if (input.steps.length > MAX_STEPS) return { field: "steps", rule: "tooManySteps" };
  const long = input.steps.findIndex((step) => step.length > MAX_STEP_LENGTH);
  if (long >= 0) return { field: "steps", rule: "stepTooLong", step: long + 1 };
  return null;
}

/** A plan's first due date: its day (YYYY-MM-DD) and time (HH:MM), on the factory's clock. */
export type PlanStart = Pick<PlanInput, "startDate" | "timeOfDay">;

export type StartProblem =
  | { field: "startDate"; rule: "dateTooEarly"; min: string }
  | { field: "startDate"; rule: "dateTooLate"; max: string }
  | { field: "timeOfDay"; rule: "startTimePassed" };

/**
 * A plan's first due date ("Première échéance", at its time), bounded like a
 * ticket's date (scheduleBounds) and, when the person sets it (a new plan, a day
 * moved, a new time on a day not yet past), still to come on the factory's clock:
 * the plan starts when they said, never silently an occurrence later (a monthly
 * plan made at 15:00 "from today, 08:00" used to start next month without a word).
 * A first due date an edit keeps may lie in the past: the plan has run since.
 */
export function checkPlanStart(start: PlanStart, { now, timeZone, previous }: { now: Date; timeZone: string; previous?: PlanStart }): StartProblem | null {
  const today = utcToWallTime(now, timeZone).date;
  const { min, max } = scheduleBounds(today);
  if (start.startDate > max) return { field: "startDate", rule: "dateTooLate", max };
  const kept = previous?.startDate === start.startDate && (previous.timeOfDay === start.timeOfDay || start.startDate < today);
  if (kept) return start.startDate < min ? { field: "startDate", rule: "dateTooEarly", min } : null;
  if (start.startDate < today) return { field: "startDate", rule: "dateTooEarly", min: today };
  const due = wallTimeToUtc(start.startDate, start.timeOfDay, timeZone);
  return due && due.getTime() <= now.getTime() ? { field: "timeOfDay", rule: "startTimePassed" } : null;
}

/** The time a new plan's form proposes. */
export const DEFAULT_TIME_OF_DAY = "08:00";

/**
 * A new plan's first due date at `timeOfDay` (the form proposes 08:00): today while that
 * time is to come, else tomorrow, so that it is never refused and never skips an occurrence.
 */
export function newPlanStart(now: Date, timeZone: string, timeOfDay = DEFAULT_TIME_OF_DAY): PlanStart {
  const today = utcToWallTime(now, timeZone).date;
  const due = wallTimeToUtc(today, timeOfDay, timeZone);
  return { startDate: due && due.getTime() > now.getTime() ? today : addDays(today, 1), timeOfDay };
}

/** What the plan form needs of the factory's calendar: today, the last day a first due date may take, and a new plan's proposal. */
export function planFormDates(now: Date, timeZone: string) {
  const today = utcToWallTime(now, timeZone).date;
  return { today, max: scheduleBounds(today).max, proposed: newPlanStart(now, timeZone) };
}
export type PlanFormDates = ReturnType<typeof planFormDates>;

export function ruleOf(plan: { recurrence: string; interval: number; startDate: string; timeOfDay: string }): RecurrenceRule {
  return { recurrence: plan.recurrence as Recurrence, interval: plan.interval, startDate: plan.startDate, timeOfDay: plan.timeOfDay };
}

export function parseSteps(json: string): string[] {
  try {
    const steps: unknown = JSON.parse(json);
    return Array.isArray(steps) ? steps.filter((s): s is string => typeof s === "string") : [];
  } catch {
    return [];
  }
}

/** What a list or a form needs of a plan. */
export interface PlanSummary {
  id: number;
  machineId: number;
  title: string;
  steps: string[];
  assignedTo: number;
  priority: string;
  recurrence: Recurrence;
  interval: number;
  startDate: string;
  timeOfDay: string;
  leadDays: number;
  nextDueAt: Date | null;
  missedStreak: number;
  paused: boolean;
}

export const planSelect = {
  id: true,
  machineId: true,
  title: true,
  steps: true,
  assignedTo: true,
  priority: true,
  recurrence: true,
  interval: true,
  startDate: true,
  timeOfDay: true,
  leadDays: true,
  nextDueAt: true,
  missedStreak: true,
  paused: true,
} as const;

export function toSummary(row: Omit<PlanSummary, "steps" | "recurrence"> & { steps: string; recurrence: string }): PlanSummary {
  return { ...row, steps: parseSteps(row.steps), recurrence: row.recurrence as Recurrence };
}
