import { messagesFor } from "../i18n";
import { dateTimeFormat } from "../intl";
import { machineLabel } from "../machines/model";
import { columnName } from "../tickets/columns";

// The JSON an overdue alert carries. The flat field names are the ones the
// operator's existing Pabbly/Zapier/Make workflows already map, so they keep
// working; dates are readable in the factory's time zone with ISO UTC beside.

export interface OverdueTicket {
  id: number;
  ticketId: string;
  title: string;
  description: string;
  priority: string;
  /** The status's stable key (the column's key: received, diagnostic, or col_<n> for one the plant added). */
  status: string;
  /** The column's French name when the plant renamed it or made it; null reads the catalogue's word. */
  statusNameFr?: string | null;
  machineType: string;
  machineModel: string | null;
  machineLocation: string | null;
  scheduledDate: Date;
  createdAt: Date;
  reporterName: string;
  /** null: the whole team. */
  assigneeName: string | null;
}

export interface PayloadOptions {
  now: Date;
  timeZone: string;
  /** Public origin of the app, for the link back to the ticket. */
  appUrl: string;
}

// Alerts are written for the plant's French-speaking readers, whatever an admin's UI language.
const fr = messagesFor("fr");

/** "23 novembre 2026 à 09 h 00", on the factory's wall clock (DST included). */
export function readableFactoryDate(date: Date, timeZone: string): string {
  return dateTimeFormat("fr-CA", { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
}

export interface OverdueDuration {
  days: number;
  hours: number;
  minutes: number;
  /** "2 jour(s) 9h 26min", as the old system wrote it. */
  text: string;
}

export function overdueDuration(scheduled: Date, now: Date): OverdueDuration {
  const totalMinutes = Math.max(0, Math.floor((now.getTime() - scheduled.getTime()) / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const text = days > 0 ? `${days} jour(s) ${hours}h ${minutes}min` : hours > 0 ? `${hours}h ${minutes}min` : `${minutes}min`;
  return { days, hours, minutes, text };
}

/** The ticket page, addressed by its readable id like everywhere in the app. */
export function ticketUrl(appUrl: string, ticketId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/tickets/${encodeURIComponent(ticketId)}`;
}

export function buildOverduePayload(ticket: OverdueTicket, options: PayloadOptions) {
  const { now, timeZone, appUrl } = options;
  const overdue = overdueDuration(ticket.scheduledDate, now);
  return {
    event: "ticket.overdue",
    ticket_id: ticket.ticketId,
    title: ticket.title,
    description: ticket.description,
    priority: ticket.priority,
    priority_label: fr.priority[ticket.priority as keyof typeof fr.priority] ?? ticket.priority,
    status: ticket.status,
    // The column's name as the plant calls it (its own, or the built-in word), in French like the rest.
    status_label: columnName({ key: ticket.status, nameFr: ticket.statusNameFr ?? null, nameEn: null }, "fr", fr),
    machine: machineLabel({ machineType: ticket.machineType, model: ticket.machineModel }),
    machine_location: ticket.machineLocation ?? "",
    scheduled_date: readableFactoryDate(ticket.scheduledDate, timeZone),
    scheduled_date_utc: ticket.scheduledDate.toISOString(),
    assigned_to: ticket.assigneeName ?? "Toute l’équipe",
    reporter: ticket.reporterName,
    created_at: readableFactoryDate(ticket.createdAt, timeZone),
    created_at_utc: ticket.createdAt.toISOString(),
    overdue_days: overdue.days,
    overdue_hours: overdue.hours,
    overdue_minutes: overdue.minutes,
    overdue_text: overdue.text,
    notification_sent_at: readableFactoryDate(now, timeZone),
    notification_sent_at_utc: now.toISOString(),
    time_zone: timeZone,
    ticket_url: ticketUrl(appUrl, ticket.ticketId),
  };
}

