// The period the figures cover, from the page's GET form: the last 30 or 90 days
// up to now, or whole factory days from–to (both included, on the factory's clock).
import { nextDay, startOfFactoryDay, utcToWallTime } from "../factory-time";

export const periodChoices = ["30", "90", "custom"] as const;
export type PeriodChoice = (typeof periodChoices)[number];
/** Longer custom periods are refused: three years is already more than anyone compares. */
export const MAX_PERIOD_DAYS = 366 * 3;
const EARLIEST_DAY = "2000-01-01";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export interface PeriodChoiceState {
  choice: PeriodChoice;
  /** The form's values (factory days), for the custom fields and the CSV link. */
  fromDay: string;
  toDay: string;
  from: Date;
  /** Exclusive, never after now. */
  to: Date;
  /** The custom period was refused and the last 30 days are shown instead. */
  problem?: "periodInvalid" | "periodOrder" | "periodTooLong";
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function param(params: Params, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function realDay(day: string): boolean {
  return DAY.test(day) && day >= EARLIEST_DAY && new Date(`${day}T12:00:00Z`).toISOString().slice(0, 10) === day;
}

function lastDays(days: 30 | 90, now: Date, timeZone: string, problem?: PeriodChoiceState["problem"]): PeriodChoiceState {
  const from = new Date(now.getTime() - days * DAY_MS);
  return { choice: String(days) as PeriodChoice, fromDay: utcToWallTime(from, timeZone).date, toDay: utcToWallTime(now, timeZone).date, from, to: now, ...(problem ? { problem } : {}) };
}

/** ?period=30|90|custom&from=YYYY-MM-DD&to=YYYY-MM-DD; anything unreadable falls back to 30 days, saying why. */
export function parsePeriod(params: Params, now: Date, timeZone: string): PeriodChoiceState {
  const choice = param(params, "period");
  if (choice === "90") return lastDays(90, now, timeZone);
  if (choice !== "custom") return lastDays(30, now, timeZone);
  const [fromDay, toDay] = [param(params, "from"), param(params, "to")];
  if (!realDay(fromDay) || !realDay(toDay)) return { ...lastDays(30, now, timeZone, "periodInvalid"), choice: "custom" };
  if (fromDay > toDay) return { ...lastDays(30, now, timeZone, "periodOrder"), choice: "custom" };
  const from = startOfFactoryDay(fromDay, timeZone);
  const end = startOfFactoryDay(nextDay(toDay), timeZone);
  if (end.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) return { ...lastDays(30, now, timeZone, "periodTooLong"), choice: "custom" };
  // A period reaching into the future ends now: the time after it has not been observed.
  const to = end > now ? now : end;
  return { choice: "custom", fromDay, toDay, from: from > to ? to : from, to };
}

/** The same period as query parameters, for the CSV links. */
export function periodQuery(state: PeriodChoiceState): string {
  const query = new URLSearchParams({ period: state.choice });
  if (state.choice === "custom" && !state.problem) {
    query.set("from", state.fromDay);
    query.set("to", state.toDay);
  }
  return query.toString();
}
