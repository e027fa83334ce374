// THE ORDER WORK IS DONE IN ("Mon travail"): overdue first (the one overdue rule,
// model.ts), then critical, then due today on the factory's calendar, then the
// rest; within each, the higher priority first, then the earlier schedule (none
// last), then the older ticket. Two forms: compareWork() in JavaScript and
// WORK_ORDER_SQL for the home's bounded query, which
// tests/integration/work-order.test.ts proves equal on a real D1.
import { nextDay, startOfFactoryDay, utcToWallTime } from "../factory-time";
import { isOverdue, OVERDUE_SQL, ticketPriorities, type OverdueFacts } from "./model";

export const workRanks = ["overdue", "critical", "today", "rest"] as const;
export type WorkRank = (typeof workRanks)[number];

export interface WorkFacts extends OverdueFacts {
  id: number;
  priority: string;
}

/** Today on the factory's clock, as UTC instants: [start, end). 23 or 25 hours on a DST day. */
export interface FactoryToday {
  start: Date;
  end: Date;
}

export function factoryToday(now: Date, timeZone: string): FactoryToday {
  const day = utcToWallTime(now, timeZone).date;
  return { start: startOfFactoryDay(day, timeZone), end: startOfFactoryDay(nextDay(day), timeZone) };
}

/** Which of the four groups a ticket falls in, the first that applies. */
export function workRank(ticket: WorkFacts, now: Date, today: FactoryToday): WorkRank {
  if (isOverdue(ticket, now)) return "overdue";
  if (ticket.priority === "critical") return "critical";
  const at = ticket.scheduledDate?.getTime();
  if (at !== undefined && at >= today.start.getTime() && at < today.end.getTime()) return "today";
  return "rest";
}

/** Critical first: the reverse of ticketPriorities (low ... critical). An unknown priority goes last. */
export function priorityOrder(priority: string): number {
  const index = (ticketPriorities as readonly string[]).indexOf(priority);
  return index < 0 ? ticketPriorities.length : ticketPriorities.length - 1 - index;
}

/** A comparator for Array.sort: the order above, total (ties end on the id). */
export function compareWork(a: WorkFacts, b: WorkFacts, now: Date, today: FactoryToday): number {
  const rank = workRanks.indexOf(workRank(a, now, today)) - workRanks.indexOf(workRank(b, now, today));
  if (rank) return rank;
  const priority = priorityOrder(a.priority) - priorityOrder(b.priority);
  if (priority) return priority;
  const [x, y] = [a.scheduledDate?.getTime(), b.scheduledDate?.getTime()];
  if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : x - y;
  return a.id - b.id;
}

/** Critical first, as SQL over `tickets AS t` (an ORDER BY term): priorityOrder's form. */
export const PRIORITY_ORDER_SQL = `CASE t.priority ${[...ticketPriorities]
  .reverse()
  .map((p, i) => `WHEN '${p}' THEN ${i}`)
  .join(" ")} ELSE ${ticketPriorities.length} END`;

/**
 * compareWork as an ORDER BY over `tickets AS t`: ?1 is now (as OVERDUE_SQL binds
 * it), ?2 and ?3 the factory day's start and end, all ISO text as D1 stores dates.
 */
export const WORK_ORDER_SQL = `CASE WHEN (${OVERDUE_SQL}) THEN 0 WHEN t.priority = 'critical' THEN 1
    WHEN t.scheduled_date >= ?2 AND t.scheduled_date < ?3 THEN 2 ELSE 3 END,
  ${PRIORITY_ORDER_SQL}, t.scheduled_date IS NULL, t.scheduled_date, t.id`;
