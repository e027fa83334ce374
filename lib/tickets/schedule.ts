// How a ticket's scheduled date reads, on a card or its page.
import { formatDateTime, formatDuration } from "../format";
import { format, type Locale, type Messages } from "../i18n";
import { isClosedStage, type Stage } from "./columns";
import { isOverdue } from "./model";

export interface ScheduleView {
  iso: string;
  /** "⚠ En retard de 2 j 3 h", "Dans 5 h" or "Planifié le …" */
  text: string;
  /** The full date and time, for a tooltip. */
  title: string;
  late: boolean;
  /** The text is relative to now (late by, due in); otherwise it only repeats the date. */
  relative: boolean;
}

interface ScheduleOptions {
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** How a scheduled date reads on a card or a ticket: lateness in words and an icon, never colour alone. */
export function describeSchedule(
  ticket: { scheduledDate: Date | null; stage: Stage | null; assignedTo: number | null },
  { now, locale, timeZone, t }: ScheduleOptions,
): ScheduleView | null {
  const { scheduledDate, stage } = ticket;
  if (!scheduledDate) return null;
  const delta = scheduledDate.getTime() - now.getTime();
  // Late means overdue by the one rule (lib/tickets/model.ts): an unassigned ticket alerts nobody, so it is not "late".
  const late = isOverdue({ ...ticket, scheduledDate }, now);
  const open = !isClosedStage(stage);
  const duration = formatDuration(delta, t.duration);
  const title = formatDateTime(scheduledDate, locale, timeZone);
  const ahead = !late && open && delta > 0;
  const text = late
    ? `⚠ ${format(t.tickets.card.lateBy, { duration })}`
    : ahead
      ? format(t.tickets.card.dueIn, { duration })
      : format(t.tickets.card.scheduled, { date: title });
  return { iso: scheduledDate.toISOString(), text, title, late, relative: late || ahead };
}
