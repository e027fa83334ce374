// When a preventive plan falls due, as pure functions of the plan's rule and the
// factory's time zone. Occurrences are counted from the start date (occurrence k
// is start + k × interval), never chained one from the previous: a plan started
// on 31 January falls on 28 (or 29) February, then on 31 March again, instead of
// drifting to the 28th for ever. Each occurrence is a factory wall-clock time
// turned into UTC on its own day, so "every 7 days at 08:00" stays at 08:00
// across both DST changes (lib/factory-time.ts).
import { utcToWallTime, wallTimeToUtc } from "../factory-time";

export const recurrences = ["days", "weeks", "months", "after_completion"] as const;
export type Recurrence = (typeof recurrences)[number];

export interface RecurrenceRule {
  recurrence: Recurrence;
  /** Every `interval` units; for after_completion, days after the completion. At least 1. */
  interval: number;
  /** YYYY-MM-DD: the first occurrence's day. */
  startDate: string;
  /** HH:MM on the factory's clock. */
  timeOfDay: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** `day` plus `days` calendar days (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return dayText(dayNumber(day) + days);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `day` plus `months` calendar months, the day of month kept or, in a shorter month, its last day. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(date, daysInMonth(y, m));
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The day of occurrence k (k = 0 is the start date) of a calendar recurrence. */
export function occurrenceDay(rule: RecurrenceRule, k: number): string {
  switch (rule.recurrence) {
    case "days":
    case "after_completion":
      return addDays(rule.startDate, k * rule.interval);
    case "weeks":
      return addDays(rule.startDate, k * rule.interval * 7);
    case "months":
      return addMonths(rule.startDate, k * rule.interval);
  }
}

/** The UTC instant of a factory day at the rule's time. */
export function atTimeOfDay(day: string, timeOfDay: string, timeZone: string): Date {
  const at = wallTimeToUtc(day, timeOfDay, timeZone);
  if (!at) throw new RangeError(`Not a factory date and time: ${day} ${timeOfDay}`);
  return at;
}

export function occurrenceAt(rule: RecurrenceRule, k: number, timeZone: string): Date {
  return atTimeOfDay(occurrenceDay(rule, k), rule.timeOfDay, timeZone);
}

/** A first guess of k for a day (never too high by more than one step); then stepped exactly. */
function estimateK(rule: RecurrenceRule, day: string): number {
  const days = dayNumber(day) - dayNumber(rule.startDate);
  const unit = rule.recurrence === "weeks" ? 7 : rule.recurrence === "months" ? 31 : 1;
  return Math.max(0, Math.floor(days / (unit * rule.interval)) - 1);
}

/**
 * The first occurrence strictly after `after` (null for after_completion, whose
 * next occurrence depends on a completion: see dueAfterCompletion).
 */
export function nextOccurrenceAfter(rule: RecurrenceRule, after: Date, timeZone: string): Date | null {
  if (rule.recurrence === "after_completion") return null;
  let k = estimateK(rule, utcToWallTime(after, timeZone).date);
  while (occurrenceAt(rule, k, timeZone).getTime() <= after.getTime()) k++;
  return occurrenceAt(rule, k, timeZone);
}

/**
 * The first occurrence at or after `from`: a new or resumed plan's next one (the
 * occurrences missed while paused are not made up for). An after_completion
 * plan starts on its start date, even a past one: its first ticket is due then.
 */
export function firstOccurrenceFrom(rule: RecurrenceRule, from: Date, timeZone: string): Date {
  if (rule.recurrence === "after_completion") return atTimeOfDay(rule.startDate, rule.timeOfDay, timeZone);
  return nextOccurrenceAfter(rule, new Date(from.getTime() - 1), timeZone)!;
}

/**
 * The occurrence after the one just generated (`dueAt`), at `now`: the next in
 * the series, or, when the cron was stopped long enough that several passed, the
 * first still to come (one late ticket for them, not one each).
 */
export function occurrenceAfterGenerated(rule: RecurrenceRule, dueAt: Date, now: Date, timeZone: string): Date | null {
  return nextOccurrenceAfter(rule, dueAt.getTime() >= now.getTime() ? dueAt : now, timeZone);
}

/** Occurrences in [from, to), in order: what /planning shows. At most `limit`. */
export function occurrencesBetween(rule: RecurrenceRule, from: Date, to: Date, timeZone: string, limit = 500): Date[] {
  const out: Date[] = [];
  if (rule.recurrence === "after_completion") return out;
  let k = estimateK(rule, utcToWallTime(from, timeZone).date);
  for (let at = occurrenceAt(rule, k, timeZone); at.getTime() < to.getTime() && out.length < limit; at = occurrenceAt(rule, ++k, timeZone)) {
    if (at.getTime() >= from.getTime()) out.push(at);
  }
  return out;
}

/** An after_completion plan's next due time: `interval` factory days after the completion's day, at the rule's time. */
export function dueAfterCompletion(rule: Pick<RecurrenceRule, "interval" | "timeOfDay">, completedAt: Date, timeZone: string): Date {
  return atTimeOfDay(addDays(utcToWallTime(completedAt, timeZone).date, rule.interval), rule.timeOfDay, timeZone);
}

/** When the ticket of an occurrence is created: `leadDays` factory days before it is due, same time of day. */
export function creationTime(dueAt: Date, leadDays: number, timeZone: string): Date {
  if (leadDays <= 0) return dueAt;
  const wall = utcToWallTime(dueAt, timeZone);
  return atTimeOfDay(addDays(wall.date, -leadDays), wall.time, timeZone);
}

/**
 * The shortest gap between two occurrences, in days: the longest lead time that
 * still creates each ticket after the previous occurrence's (28 days per month:
 * February's).
 */
export function shortestGapDays(rule: Pick<RecurrenceRule, "recurrence" | "interval">): number {
  switch (rule.recurrence) {
    case "weeks":
      return rule.interval * 7;
    case "months":
      return rule.interval * 28;
    default:
      return rule.interval;
  }
}
