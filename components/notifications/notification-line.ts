import { format, type Locale, type Messages } from "@/lib/i18n";
import { columnName } from "@/lib/tickets/columns";
import { TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { notificationTemplate } from "@/lib/notifications/model";
import type { NotificationView } from "@/lib/notifications/queries";

/** A notification in words, in the reader's language. */
export function notificationLine(n: NotificationView, t: Messages, locale: Locale): string {
  const words = t.inbox.kinds;
  const ticket = n.ticketCode ? `${n.ticketCode} — ${n.ticketTitle ?? ""}` : "";
  const values = {
    actor: n.actorName ?? t.inbox.someone,
    ticket,
    machine: n.machineName ?? "",
    status: n.ticketColumn ? columnName(n.ticketColumn, locale, t) : "",
    group: n.groupName ?? "",
  };
  const template = words[notificationTemplate(n.kind, { toTeam: n.ticketAssignedTo === TEAM_ASSIGNEE, byPerson: n.actorName !== null, inGroup: n.groupName !== null })];
  return format(template, values);
}
