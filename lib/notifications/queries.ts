// What the bell and /notifications read: each in one query whatever the count
// (the index on notifications(recipient_id, id) gives a page directly).
import type { Db } from "../db/client";
import { machineLabelSql } from "../machines/model";
import { joinGroupSql } from "../messages/model";
import { CLOSED_KEYS_SQL, type BoardColumn, type Stage } from "../tickets/columns";
import { NOTIFICATION_PAGE_SIZE, notificationChannels, notificationKinds, type NotificationChannel, type NotificationKind } from "./model";

export async function countUnreadNotifications(db: Db, userId: number): Promise<number> {
  return db.notification.count({ where: { recipientId: userId, readAt: null } });
}

/** Whether the person has unread notifications about a ticket: the ticket page then reads them (read-ticket-notifications.tsx). */
export async function hasUnreadTicketNotifications(db: Db, userId: number, ticketId: number): Promise<boolean> {
  return (await db.notification.count({ where: { recipientId: userId, ticketId, readAt: null }, take: 1 })) > 0;
}

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  createdAt: string;
  read: boolean;
  actorName: string | null;
  ticketCode: string | null;
  ticketTitle: string | null;
  /** The ticket's status now (a status change's line shows it), with its column's own names. */
  ticketStatus: string | null;
  ticketColumn: Pick<BoardColumn, "key" | "nameFr" | "nameEn"> | null;
  /** Its column's stage: "J'y vais" is not offered on a ticket already in work (model.ts offersGo). */
  ticketStage: Stage | null;
  /** assigned_to now: 0 when the ticket went to the whole team. */
  ticketAssignedTo: number | null;
  /** The ticket is still there and not closed: work can still be done on it. */
  ticketOpen: boolean;
  machineId: number | null;
  machineName: string | null;
  conversationKey: string | null;
  /** The group a message was written in; null for a private one and anything else. */
  groupName: string | null;
}

interface Row {
  id: number;
  kind: string;
  created_at: string;
  read_at: string | null;
  actor_name: string | null;
  ticket_code: string | null;
  ticket_title: string | null;
  ticket_status: string | null;
  ticket_stage: Stage | null;
  status_fr: string | null;
  status_en: string | null;
  assigned_to: number | null;
  ticket_open: number | null;
  machine_id: number | null;
  machine_name: string;
  conversation_key: string | null;
  group_name: string | null;
  total: number;
}

/** A page of the person's notifications, newest first, with what each line names. */
export async function listNotifications(db: Db, userId: number, page: number): Promise<{ items: NotificationView[]; pages: number }> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT n.id, n.kind, n.created_at, n.read_at, a.name AS actor_name,
            t.ticket_id AS ticket_code, t.title AS ticket_title, t.status AS ticket_status, t.assigned_to,
            c.stage AS ticket_stage, c.name_fr AS status_fr, c.name_en AS status_en,
            t.deleted_at IS NULL AND t.status NOT IN ${CLOSED_KEYS_SQL} AS ticket_open,
            mc.id AS machine_id, ${machineLabelSql("mc")} AS machine_name, m.conversation_key, g.name AS group_name,
            (SELECT COUNT(*) FROM notifications WHERE recipient_id = ?1) AS total
     FROM notifications n
     LEFT JOIN users a ON a.id = n.actor_id
     LEFT JOIN tickets t ON t.id = n.ticket_id
     LEFT JOIN board_columns c ON c.key = t.status
     LEFT JOIN machines mc ON mc.id = COALESCE(n.machine_id, t.machine_id)
     LEFT JOIN messages m ON m.id = n.message_id
     ${joinGroupSql("m.conversation_key")}
     WHERE n.recipient_id = ?1
     ORDER BY n.id DESC
     LIMIT ?2 OFFSET ?3`,
    userId,
    NOTIFICATION_PAGE_SIZE,
    (page - 1) * NOTIFICATION_PAGE_SIZE,
  );
  const total = Number(rows[0]?.total ?? (page > 1 ? await db.notification.count({ where: { recipientId: userId } }) : 0));
  return {
    pages: Math.max(1, Math.ceil(total / NOTIFICATION_PAGE_SIZE)),
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as NotificationKind,
      createdAt: new Date(r.created_at).toISOString(),
      read: r.read_at !== null,
      actorName: r.actor_name,
      ticketCode: r.ticket_code,
      ticketTitle: r.ticket_title,
      ticketStatus: r.ticket_status,
      ticketColumn: r.ticket_status === null ? null : { key: r.ticket_status, nameFr: r.status_fr, nameEn: r.status_en },
      ticketStage: r.ticket_stage,
      ticketAssignedTo: r.assigned_to === null ? null : Number(r.assigned_to),
      ticketOpen: Number(r.ticket_open) === 1,
      machineId: r.machine_id === null ? null : Number(r.machine_id),
      machineName: r.machine_id === null ? null : r.machine_name,
      conversationKey: r.conversation_key,
      groupName: r.group_name,
    })),
  };
}

/** The person's choices, kind by kind (absent: the role's default applies). */
export async function getPreferences(db: Db, userId: number): Promise<Partial<Record<NotificationKind, NotificationChannel>>> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, channel: true } });
  const out: Partial<Record<NotificationKind, NotificationChannel>> = {};
  for (const r of rows) {
    if ((notificationKinds as readonly string[]).includes(r.kind) && (notificationChannels as readonly string[]).includes(r.channel)) {
      out[r.kind as NotificationKind] = r.channel as NotificationChannel;
    }
  }
  return out;
}
