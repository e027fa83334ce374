// What a phone shows: the notification in the recipient's language, with the
// ticket id, machine and title, a vibration by priority, the address to open,
// and on an assignment the "J'y vais" action (public/sw.js sends it back). Pure:
// the queue consumer (push.ts) and the tests build it the same way.
import { format, messagesFor, type Locale } from "../i18n";
import type { TicketPriority } from "../tickets/model";
import { TEAM_ASSIGNEE } from "../tickets/model";
import { columnName, type BoardColumn } from "../tickets/columns";
import { notificationHref, notificationTemplate, type NotificationKind } from "./model";

/** The facts a push is written from: one row of push.ts' query. */
export interface PushFacts {
  notificationId: number;
  kind: NotificationKind;
  locale: Locale;
  actorName: string | null;
  ticketCode: string | null;
  ticketTitle: string | null;
  ticketStatus: string | null;
  /** The status's column names (board_columns), when the plant renamed it or made it. */
  ticketColumn?: Pick<BoardColumn, "nameFr" | "nameEn"> | null;
  ticketPriority: string | null;
  ticketAssignedTo: number | null;
  machineId: number | null;
  machineName: string | null;
  conversationKey: string | null;
  /** The group a message was written in. */
  groupName: string | null;
}

export interface PushPayload {
  title: string;
  body: string;
  /** Where tapping the notification leads (same origin). */
  url: string;
  /** One notification per ticket or conversation on the phone: a newer one replaces it. */
  tag: string;
  vibrate: number[];
  notificationId: number;
  ticketCode: string | null;
  actions: { action: "take"; title: string }[];
  lang: Locale;
}

export const vibrationByPriority: Record<TicketPriority, number[]> = {
  low: [100],
  medium: [200],
  high: [200, 100, 200],
  critical: [400, 100, 400, 100, 400],
};

/** The push service's Urgency header (RFC 8030 §5.3): a critical ticket wakes a phone that saves its battery. */
export function urgencyOf(priority: string | null): "very-low" | "low" | "normal" | "high" {
  return priority === "critical" || priority === "high" ? "high" : priority === "low" ? "low" : "normal";
}

export function buildPushPayload(f: PushFacts): PushPayload {
  const t = messagesFor(f.locale);
  const words = t.inbox.kinds;
  const status = f.ticketStatus ? columnName({ key: f.ticketStatus, nameFr: null, nameEn: null, ...f.ticketColumn }, f.locale, t) : "";
  const values = { actor: f.actorName ?? t.inbox.someone, ticket: f.ticketCode ?? "", machine: f.machineName ?? "", status, group: f.groupName ?? "" };
  const template = words[notificationTemplate(f.kind, { toTeam: f.ticketAssignedTo === TEAM_ASSIGNEE, byPerson: f.actorName !== null, inGroup: f.groupName !== null })];
  const priority = (f.ticketPriority ?? "medium") as TicketPriority;
  const ticketLine = f.ticketCode ? [f.machineName, f.ticketTitle].filter(Boolean).join(" — ") : "";
  return {
    title: format(template, values),
    body: ticketLine || (f.kind === "machine_down" ? (f.machineName ?? "") : ""),
    url: notificationHref(f),
    tag: f.ticketCode ? `ticket:${f.ticketCode}` : f.conversationKey ? `conversation:${f.conversationKey}` : `notification:${f.notificationId}`,
    vibrate: vibrationByPriority[priority] ?? vibrationByPriority.medium,
    notificationId: f.notificationId,
    ticketCode: f.ticketCode,
    actions: f.kind === "assigned" && f.ticketCode ? [{ action: "take", title: t.inbox.push.take }] : [],
    lang: f.locale,
  };
}
