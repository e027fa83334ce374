import { formatDateTime, formatDuration } from "@/lib/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { overdueStatuses, type TicketStatus } from "@/lib/tickets";

interface ScheduleStateProps {
  scheduledDate: Date | null;
  status: string;
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** "En retard de 2 j 3 h" in red with an icon, or "Dans 5 h": never colour alone. */
export function ScheduleState({ scheduledDate, status, now, locale, timeZone, t }: ScheduleStateProps) {
  if (!scheduledDate) return null;
  const delta = scheduledDate.getTime() - now.getTime();
  const late = delta < 0 && overdueStatuses.includes(status as TicketStatus);
  const open = status !== "completed" && status !== "archived";
  const duration = formatDuration(delta, t.duration);
  return (
    <p className={late ? "text-sm font-semibold text-red-700" : "text-sm text-slate-700"} data-testid="schedule-state">
      <time dateTime={scheduledDate.toISOString()} title={formatDateTime(scheduledDate, locale, timeZone)}>
        {late
          ? `⚠ ${format(t.tickets.card.lateBy, { duration })}`
          : open && delta > 0
            ? format(t.tickets.card.dueIn, { duration })
            : format(t.tickets.card.scheduled, { date: formatDateTime(scheduledDate, locale, timeZone) })}
      </time>
    </p>
  );
}
