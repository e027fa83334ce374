import { formatClock, formatDateTime } from "@/lib/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import type { TicketDetails } from "@/lib/tickets/queries";
import { assigneeLabel } from "@/lib/tickets/model";
import { ticketEventTypes, type TicketEventType } from "@/lib/tickets/events";
import { statusName } from "@/lib/tickets/columns";

interface TicketTimelineProps {
  details: TicketDetails;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

type Event = TicketDetails["events"][number];

function describe(event: Event, details: TicketDetails, locale: Locale, timeZone: string, t: Messages): string {
  const words = t.tickets.timeline;
  const actor = event.actor?.name ?? words.someone;
  const type = (ticketEventTypes as readonly string[]).includes(event.type) ? (event.type as TicketEventType) : "edited";
  // A column deleted since still has its name (its row stays: lib/tickets/columns.ts).
  const status = (v: string | null) => (v ? statusName(details.columns, v, locale, t) : "—");
  const priority = (v: string | null) => (v ? (t.priority[v as keyof Messages["priority"]] ?? v) : "—");
  switch (type) {
    case "status":
      return format(words.status, { actor, from: status(event.fromValue), to: status(event.toValue) });
    case "priority":
      return format(words.priority, { actor, from: priority(event.fromValue), to: priority(event.toValue) });
    case "assigned":
      if (event.toValue === null) return format(words.unassigned, { actor });
      return format(words.assigned, {
        actor,
        to: assigneeLabel(Number(event.toValue), (id) => details.names.get(id), t),
      });
    case "voice_note_added":
    case "voice_note_removed":
      return format(words[type], { actor, duration: formatClock(Number(event.toValue ?? event.fromValue ?? 0)) });
    case "legacy_column":
      // Brought from the old system's own column (lib/legacy/): its name, and the stage it was placed in.
      return format(words.legacy_column, { from: event.fromValue ?? "", to: status(event.toValue) });
    case "scheduled":
      if (!event.toValue) return format(words.unscheduled, { actor });
      return format(words.scheduled, { actor, to: formatDateTime(new Date(event.toValue), locale, timeZone) });
    default:
      return format(words[type], { actor, from: event.fromValue ?? "", to: event.toValue ?? "" });
  }
}

type Alert = TicketDetails["alerts"][number];

function describeAlert(alert: Alert, t: Messages): string {
  const words = t.notifications.timeline;
  const ok = alert.responseStatus !== null && alert.responseStatus >= 200 && alert.responseStatus < 300;
  if (!ok) return format(words.failed, { error: alert.error ?? String(alert.responseStatus) });
  return format(alert.trigger === "resend" ? words.resent : words.sent, { status: alert.responseStatus ?? "" });
}

/** Read-only, oldest first: the ticket's story as it happened, overdue alerts included. */
export function TicketTimeline({ details, locale, timeZone, t }: TicketTimelineProps) {
  const entries = [
    ...details.events.map((event) => ({ key: `e${event.id}`, at: event.createdAt, text: describe(event, details, locale, timeZone, t) })),
    ...details.alerts.map((alert) => ({ key: `a${alert.id}`, at: alert.startedAt, text: describeAlert(alert, t) })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <section aria-labelledby="timeline-title" className="space-y-3">
      <h2 id="timeline-title" className="text-lg font-semibold">{t.tickets.timeline.title}</h2>
      <ol className="space-y-2 border-l-2 border-slate-200 pl-4" data-testid="timeline">
        {entries.map((entry) => (
          <li key={entry.key} className="text-sm">
            <p className="break-words">{entry.text}</p>
            <time dateTime={entry.at.toISOString()} className="text-xs text-slate-500">
              {formatDateTime(entry.at, locale, timeZone)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
