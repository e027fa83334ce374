// Overdue tickets, told to people: the webhook sweep's selection (OVERDUE_SQL,
// lib/tickets/model.ts) and its once-per-window rule, run by the same cron
// (cron/index.ts). The claim is the INSERT itself: one statement that writes, for
// every overdue ticket nobody was told of within the window, a row per person it
// concerns. D1 runs one statement at a time, so of several overlapping runs the
// first writes and the others find the rows already there.
import { sql, sqlDate, sqlName, type Statement } from "../db/sql";
import { type Db } from "../db/client";
import { LEADS_SQL, WHOLE_TEAM_SQL } from "../permissions";
import { OVERDUE_SQL } from "../tickets/model";
import { channelSql, notificationRows, type NotificationRow } from "./events";

/** The cron_runs job name. */
export const OVERDUE_NOTIFICATIONS_JOB = "overdue-notifications";

// The assignee, or for a team ticket the whole team ("overdue"); and leads for
// any ticket ("overdue_all"), once each (lib/permissions.ts names both sets).
const CONCERNED = `(u.id = t.assigned_to OR (t.assigned_to = 0 AND ${WHOLE_TEAM_SQL}))`;

function overdueInsert(): string {
  const channel = channelSql(sqlName("x.role"), sqlName("x.kind"), sqlName("p.channel"));
  // channelSql binds nothing (its words are written in): its text is all there is.
  if (channel.values.length) throw new Error("channelSql must not bind values here");
  return `
    INSERT INTO notifications (recipient_id, kind, actor_id, ticket_id, push, created_at)
    SELECT c.uid, c.kind, NULL, c.tid, c.channel = 'push', ?1
    FROM (
      SELECT x.uid, x.tid, x.kind, ${channel.sql} AS channel
      FROM (
        SELECT u.id AS uid, u.role, t.id AS tid, CASE WHEN ${CONCERNED} THEN 'overdue' ELSE 'overdue_all' END AS kind
        FROM tickets t JOIN users u ON u.active = 1 AND (${CONCERNED} OR ${LEADS_SQL})
        WHERE ${OVERDUE_SQL}
          AND ${notToldSince(sqlName("?2")).sql}
      ) x LEFT JOIN notification_preferences p ON p.user_id = x.uid AND p.kind = x.kind
    ) c
    WHERE c.channel <> 'off'
    RETURNING id, recipient_id, push, ticket_id`;
}

export interface OverdueTold {
  /** Tickets told of in this run. */
  tickets: number;
  notifications: NotificationRow[];
}

/** Writes the overdue notifications due now; windowMs: the webhook sweep's window (24 h by default). */
export async function notifyOverdueTickets(db: Db, { now, windowMs }: { now: Date; windowMs: number }): Promise<OverdueTold> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(overdueInsert(), sqlDate(now), sqlDate(new Date(now.getTime() - windowMs)));
  return { tickets: new Set(rows.map((r) => Number(r.ticket_id))).size, notifications: notificationRows(rows) };
}

/** Ticket t has no overdue notification since `since` (the window's start). */
function notToldSince(since: Statement): Statement {
  return sql`NOT EXISTS (SELECT 1 FROM notifications n WHERE n.ticket_id = t.id AND n.kind IN ('overdue', 'overdue_all') AND n.created_at > ${since})`;
}

/** The job's question (lib/job-questions.ts, ?1 the run's moment): an overdue ticket nobody was told of within the window. */
export function overdueNotificationsQuestion(windowStart: Date): Statement {
  return sql`SELECT EXISTS (SELECT 1 FROM tickets t WHERE ${sqlName(OVERDUE_SQL)} AND ${notToldSince(sql`${sqlDate(windowStart)}`)})`;
}
