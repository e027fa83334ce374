// THE ORDERS A LIST OF TICKETS CAN BE SORTED IN: the board's columns and "Mon
// travail" offer the same four, chosen in the URL (?sort=). "default" is each
// list's own order (the board: last changed first; Mon travail: the order work is
// done in, work-order.ts). The others, in three forms: Prisma's orderBy for the
// board's columns, SQL's ORDER BY for the home's bounded query, and compareSorted()
// in JavaScript, which puts the urgency's parts together (lib/tickets/board.ts).
// tests/integration/ticket-sorts.test.ts proves the three equal.
import type { Prisma } from "../generated/prisma/client";
import { priorityOrder, PRIORITY_ORDER_SQL } from "./work-order";

export const ticketSorts = ["default", "urgency", "oldest", "planned"] as const;
export type TicketSort = (typeof ticketSorts)[number];
/** A sort other than the list's own. */
export type ChosenSort = Exclude<TicketSort, "default">;

/** The URL's parameter, beside the board's filters (q, priority, assignee…). */
export const SORT_PARAM = "sort";

/** The URL's value; anything unknown is the list's own order rather than an error. */
export function parseTicketSort(value: unknown): TicketSort {
  const first = Array.isArray(value) ? value[0] : value;
  return (ticketSorts as readonly unknown[]).includes(first) ? (first as TicketSort) : "default";
}

/**
 * Each order after the priority rank, which only "urgency" has and which Prisma
 * cannot write (a CASE): critical first, then the oldest report. "planned": the
 * soonest scheduled first, unscheduled last. Ties end on the oldest, then the id.
 */
export const sortOrderBy = {
  urgency: [{ createdAt: "asc" }, { id: "asc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  planned: [{ scheduledDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
} as const satisfies Record<ChosenSort, Prisma.TicketOrderByWithRelationInput[]>;

/** The same orders as SQL over `tickets AS t` (ORDER BY terms). */
export const SORT_SQL: Record<ChosenSort, string> = {
  urgency: `${PRIORITY_ORDER_SQL}, t.created_at, t.id`,
  oldest: "t.created_at, t.id",
  planned: "t.scheduled_date IS NULL, t.scheduled_date, t.created_at, t.id",
};

export interface SortFacts {
  id: number;
  priority: string;
  createdAt: Date;
  scheduledDate: Date | null;
}

/** The same orders as a comparator for Array.sort (total: ties end on the id). */
export function compareSorted(sort: ChosenSort, a: SortFacts, b: SortFacts): number {
  if (sort === "urgency") {
    const rank = priorityOrder(a.priority) - priorityOrder(b.priority);
    if (rank) return rank;
  }
  if (sort === "planned") {
    const [x, y] = [a.scheduledDate?.getTime(), b.scheduledDate?.getTime()];
    if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : x - y;
  }
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}
