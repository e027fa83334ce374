// Imported by client components: the i18n index would bring both languages' catalogues into their bundles.
import type { Locale, Messages } from "./i18n";
import { format } from "./i18n/format";
import { dateTimeFormat, intlLocale } from "./intl";

/** "2 j 3 h", "45 min": the two largest units, never seconds. */
export function formatDuration(ms: number, t: Messages["duration"]): string {
  const totalMinutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days) parts.push(format(t.days, { n: days }));
  if (hours) parts.push(format(t.hours, { n: hours }));
  if (!days && (minutes || !hours)) parts.push(format(t.minutes, { n: minutes }));
  // No-break spaces: "En retard de 1 j 4 h" must not leave its "h" alone on the next line.
  return parts.slice(0, 2).join(" ").replaceAll(" ", "\u00a0");
}

/** A date and time as the factory reads it: in its time zone, in the user's language. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** A factory calendar day (YYYY-MM-DD) as a heading: "lundi 23 novembre 2026". */
export function formatDay(day: string, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}

/** The time of day on the factory's clock: "14 h 05" / "2:05 p.m.". */
export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(intlLocale(locale), { timeStyle: "short", timeZone }).format(date);
}

/** A recording's length as players show it: "0:07", "4:59". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** A factory calendar day in a calendar's cell or column head: "lun." / "Mon", "2 mars" / "Mar 2". */
export function formatCalendarDay(day: string, locale: Locale, part: "weekday" | "dayMonth"): string {
  const options: Intl.DateTimeFormatOptions = part === "weekday" ? { weekday: "short" } : { day: "numeric", month: "short" };
  return dateTimeFormat(intlLocale(locale), { ...options, timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}
