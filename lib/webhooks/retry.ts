// After a failed attempt, when to try again: about 5 min, 15 min, 1 h, 3 h, then
// every 6 h, for at most 8 attempts in all (spanning roughly a day).
export const MAX_ATTEMPTS = 8;
const MINUTE = 60_000;
const delays = [5, 15, 60, 180, 360].map((m) => m * MINUTE);

/** `attempts`: how many attempts have failed so far (this one included). null: give up. */
export function nextRetryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = delays[Math.min(attempts, delays.length) - 1] ?? delays.at(-1)!;
  return new Date(now.getTime() + delay);
}
