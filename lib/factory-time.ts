// Wall-clock times in the factory's time zone <-> UTC instants, DST-correct,
// with nothing but Intl: the plant schedules "demain 8 h 00", the database stores UTC.
import { dateTimeFormat } from "./intl";

function partsIn(date: Date, timeZone: string): Record<string, number> {
  const parts = dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

/** Offset of `timeZone` from UTC at `date`, in milliseconds (Toronto in winter: -5 h). */
export function zoneOffsetMs(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The UTC instant at which the factory's clocks show `date` (YYYY-MM-DD) and `time` (HH:MM).
 * A time skipped by the spring change (02:30) is read as the hour after it (03:30);
 * a time repeated in autumn (01:30) is the first of the two. Null when the input is not a real date.
 */
export function wallTimeToUtc(date: string, time: string, timeZone: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(naive).getUTCDate() !== day) return null; // 31 février
  // Two passes: the offset before and after the guess differ only around a change.
  const first = naive - zoneOffsetMs(new Date(naive), timeZone);
  const second = naive - zoneOffsetMs(new Date(first), timeZone);
  if (first === second) return new Date(first);
  // Ambiguous or skipped: keep the candidate whose wall clock matches, else the later one (skipped hour).
  const matches = [first, second].filter((c) => {
    const p = partsIn(new Date(c), timeZone);
    return p.hour === hour && p.minute === minute && p.day === day;
  });
  return new Date(matches.length ? Math.min(...matches) : Math.max(first, second));
}

/** The factory's wall clock at `instant`, as the values of `<input type=date>` and `<input type=time>`. */
export function utcToWallTime(instant: Date, timeZone: string): { date: string; time: string } {
  const p = partsIn(instant, timeZone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

/** Start of a factory day (YYYY-MM-DD on the factory's calendar) as a UTC instant. */
export function startOfFactoryDay(day: string, timeZone: string): Date {
  const start = wallTimeToUtc(day, "00:00", timeZone);
  if (!start) throw new RangeError(`Not a calendar day: ${day}`);
  return start;
}

/** The calendar day after `day` (YYYY-MM-DD): an inclusive "to" day ends where it starts. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** "2026-11-23 14:05" on the factory's clock: sortable, and Excel reads it as a date. Empty for null. */
export function factoryDateTime(date: Date | null, timeZone: string): string {
  if (!date) return "";
  const { date: day, time } = utcToWallTime(date, timeZone);
  return `${day} ${time}`;
}
