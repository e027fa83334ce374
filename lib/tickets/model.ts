// What a ticket is, as rules: its priorities, who it can be assigned to, and when
// it is overdue. Every other module (queries, board, alerts, pages) asks here
// rather than restating a rule. Its statuses are the plant's board columns, each
// in a stage (columns.ts): the rules below ask the stage.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Messages } from "../i18n";
import { seesOnlyOwnReports, type TicketReader } from "../permissions";
import { closedStages, keysOf, stageKeysSql, type BoardColumn, type Stage } from "./columns";

/** A ticket's status: the key of one of the plant's board columns (columns.ts). */
export type TicketStatus = string;
export const ticketPriorities = ["low", "medium", "high", "critical"] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

/** The longest title the server accepts (the form's input stops there). */
export const MAX_TICKET_TITLE = 120;

/**
 * The longest sentence the report form reads to fill itself in: the form sends it
 * in a GET's address (GET /tickets/read/sentence), which Cloudflare caps at 16 KB.
 */
export const MAX_SENTENCE = 1000;

/** The longest description and comment the server accepts (the forms count down to it). */
export const MAX_TICKET_TEXT = 5000;

/** An open ticket (not deleted, not in a done or archived column), as SQL over `tickets AS t`. */
export const OPEN_SQL = `t.deleted_at IS NULL AND t.status NOT IN ${stageKeysSql(...closedStages)}`;

/** OPEN_SQL's Prisma form, without the deletion: the plant's columns say which statuses are closed. */
export function openWhere(columns: readonly BoardColumn[]): Prisma.TicketWhereInput {
  return { status: { notIn: keysOf(columns, ...closedStages) } };
}

/** assigned_to value meaning "the whole maintenance team" rather than one person (the old system's convention). */
export const TEAM_ASSIGNEE = 0;

/** TEAM_ASSIGNEE as forms and addresses write it: a select's option, ?assignee=team. */
export const TEAM_CHOICE = "team";

/** An assignee a form or an address may name: the whole team, or a person by id. */
export const assigneeInput = z.union([z.literal(TEAM_CHOICE), z.coerce.number().int().positive()]);

/** assigned_to as a form's value: "" for nobody, "team", or the person's id. */
export function assigneeChoice(assignedTo: number | null): string {
  return assignedTo === null ? "" : assignedTo === TEAM_ASSIGNEE ? TEAM_CHOICE : String(assignedTo);
}

/** assigneeChoice read back into assigned_to. */
export function assigneeFromChoice(choice: typeof TEAM_CHOICE | number): number;
export function assigneeFromChoice(choice: string | number): number | null;
export function assigneeFromChoice(choice: string | number): number | null {
  return choice === "" ? null : choice === TEAM_CHOICE ? TEAM_ASSIGNEE : Number(choice);
}

// ---------------------------------------------------------------- overdue

/** The stage in which a passed scheduled date means the work has not started: "Pas commencé" (received, diagnostic, and any column an admin adds to it). */
export const OVERDUE_STAGE: Stage = "new";

export interface OverdueFacts {
  assignedTo: number | null;
  /** The stage of the ticket's column (columns.ts stageOf). */
  stage: Stage | null;
  scheduledDate: Date | null;
  deletedAt?: Date | null;
}

/**
 * The overdue rule: assigned (to a person or the team), scheduled in the past,
 * not started (its column is in the stage "not started"), not deleted. Alerts, the
 * board's filter, the dashboard and the cards all use it, in one of the three forms
 * below, which tests/integration/overdue-rule.test.ts proves equal over every case.
 */
export function isOverdue(ticket: OverdueFacts, now: Date): boolean {
  return (
    !ticket.deletedAt &&
    ticket.assignedTo !== null &&
    ticket.scheduledDate !== null &&
    ticket.scheduledDate.getTime() < now.getTime() &&
    ticket.stage === OVERDUE_STAGE
  );
}

/** The rule as a Prisma filter: the plant's columns say which statuses are not started. */
export function overdueWhere(now: Date, columns: readonly BoardColumn[]): Prisma.TicketWhereInput {
  return { deletedAt: null, assignedTo: { not: null }, status: { in: keysOf(columns, OVERDUE_STAGE) }, scheduledDate: { lt: now } };
}

/** The rule as SQL over `tickets AS t`, the moment bound as ?1 (ISO text, as Prisma stores dates on D1). */
export const OVERDUE_SQL = `t.deleted_at IS NULL AND t.assigned_to IS NOT NULL AND t.scheduled_date IS NOT NULL
  AND t.scheduled_date < ?1 AND t.status IN ${stageKeysSql(OVERDUE_STAGE)}`;

// ---------------------------------------------------------------- schedule

/** The earliest day a ticket can be scheduled on: older dates are typing mistakes (1900-01-01). */
export const EARLIEST_SCHEDULE_DAY = "2000-01-01";
/** How far ahead a ticket can be scheduled: maintenance plans, not typos in the year. */
export const SCHEDULE_YEARS_AHEAD = 5;

/** The days a schedule may fall on, as YYYY-MM-DD (the date input's min and max, and the rule). */
export function scheduleBounds(today: string): { min: string; max: string } {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  // 29 February has no twin five years on: the last day of February then.
  const max = rest === "-02-29" ? `${year + SCHEDULE_YEARS_AHEAD}-02-28` : `${year + SCHEDULE_YEARS_AHEAD}${rest}`;
  return { min: EARLIEST_SCHEDULE_DAY, max };
}

// ---------------------------------------------------------------- visibility

/** canSeeTicket (lib/permissions.ts) as a Prisma filter: every read of tickets for a person goes through it. */
export function visibleTicketsWhere(reader: TicketReader): Prisma.TicketWhereInput {
  return seesOnlyOwnReports(reader) ? { reportedBy: reader.id } : {};
}

// ---------------------------------------------------------------- assignee

/** Who a ticket is assigned to, in words: a person's name, the whole team, or nobody. */
export function assigneeLabel(
  assignedTo: number | null,
  nameOf: (id: number) => string | undefined,
  t: Messages,
): string {
  if (assignedTo === null) return t.tickets.card.unassigned;
  if (assignedTo === TEAM_ASSIGNEE) return t.tickets.card.wholeTeam;
  return nameOf(assignedTo) ?? `#${assignedTo}`;
}

/** The ids of the people among assignees (not the team, not nobody), for one name lookup. */
export function assignedPeople(assignees: (number | null)[]): number[] {
  return [...new Set(assignees.filter((id): id is number => id !== null && id !== TEAM_ASSIGNEE))];
}
