// When a guest's access ends, as days on the factory's calendar: an admin gives
// access "until" a day (at most a year ahead), and it ends when the next day
// begins on the factory's clock. Pure, so the forms, the operations and the
// sign-in's words agree (lib/accounts/guests.ts).
import { nextDay, startOfFactoryDay, utcToWallTime } from "../factory-time";

/** How far ahead a guest's access may run. */
export const GUEST_YEARS_AHEAD = 1;

/** The days access may end on: from today to a year from today (29 February: the 28th a year on). */
export function guestExpiryBounds(today: string): { min: string; max: string } {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  const max = rest === "-02-29" ? `${year + GUEST_YEARS_AHEAD}-02-28` : `${year + GUEST_YEARS_AHEAD}${rest}`;
  return { min: today, max };
}

/** The instant access "until `day`" ends: the start of the next day, on the factory's clock. */
export function accessEnd(day: string, timeZone: string): Date {
  return startOfFactoryDay(nextDay(day), timeZone);
}

/** The last day of access (the factory day the end falls at the close of), for the forms and the sign-in's words. */
export function lastDayOfAccess(expiresAt: Date, timeZone: string): string {
  return utcToWallTime(new Date(expiresAt.getTime() - 1), timeZone).date;
}

/** Which of a day's problems an admin's chosen day has, if any. */
export function checkGuestExpiry(day: string, today: string): { rule: "guestExpiryPast"; min: string } | { rule: "guestExpiryTooFar"; max: string } | null {
  const { min, max } = guestExpiryBounds(today);
  if (day < min) return { rule: "guestExpiryPast", min };
  if (day > max) return { rule: "guestExpiryTooFar", max };
  return null;
}
