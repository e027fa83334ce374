// Who is told of what: each event is ONE `INSERT ... SELECT` over users, whatever
// the number of recipients, sent in the same D1 batch as the change it tells of,
// right after the change's own record (timeline event or audit entry): guarded by
// `changes() > 0`, it writes nothing when the change touched no row. Nobody is
// told of their own action; deactivated people are told nothing; a person's
// channel for the kind (model.ts) decides between push, in the app only, or nothing.
// RETURNING gives the rows written, for dispatch.ts, without another query.
import { onlyIfChanged, writeBatch } from "../db/batch";
import { sql, sqlDate, sqlName, type Statement } from "../db/sql";
import { type Db } from "../db/client";
import type { ActionContext } from "../operation";
import { LEADS_SQL, STAFF_SQL, WHOLE_TEAM_SQL } from "../permissions";
import { groupMembersSql } from "../messages/members";
import { ticketEventsInsert, type TicketEventInput } from "../tickets/events";
import { TEAM_ASSIGNEE } from "../tickets/model";
import { dispatchNotifications } from "./dispatch";
import { defaultChannels, type NotificationKind } from "./model";

export interface NotificationSubject {
  ticketId?: number | Statement;
  messageId?: number | Statement;
  machineId?: number;
}

export interface NotifyOptions {
  actorId: number | null;
  now: Date;
  /** Only if the statement before it in the batch changed a row (default), or always. */
  guard?: boolean;
}

/** A written notification, as dispatch needs it. */
export interface NotificationRow {
  id: number;
  recipientId: number;
  push: boolean;
}

/**
 * channelFor as SQL: the chosen channel (a notification_preferences column, NULL
 * when the person never chose), else the default for (role, kind), else 'off'.
 * The table's words are written into the SQL rather than bound: they are the
 * code's own constants, and bound they would take most of D1's 100 parameters.
 */
export function channelSql(role: Statement, kind: Statement, chosen: Statement): Statement {
  const cases = Object.entries(defaultChannels)
    .flatMap(([r, kinds]) => Object.entries(kinds).map(([k, channel]) => `WHEN '${r}:${k}' THEN '${channel}'`))
    .join(" ");
  const allowed = sql`(CASE ${role} || ':' || ${kind} ${sqlName(cases)} ELSE NULL END)`;
  // A choice counts only for a kind the role can receive: a demoted admin's old choice does not.
  return sql`(CASE WHEN ${allowed} IS NULL THEN 'off' ELSE COALESCE(${chosen}, ${allowed}) END)`;
}

const value = (v: number | Statement | undefined) => (v === undefined ? sql`NULL` : typeof v === "number" ? sql`${v}` : v);

/** The INSERT ... SELECT for `kind`, to the active users `who` selects (a condition over `users AS u`). */
export function notifyUsers(kind: NotificationKind, who: Statement, subject: NotificationSubject, options: NotifyOptions): Statement {
  const kindSql = sqlName(`'${kind}'`);
  return sql`
    INSERT INTO notifications (recipient_id, kind, actor_id, ticket_id, message_id, machine_id, push, created_at)
    SELECT c.id, ${kindSql}, ${options.actorId}, ${value(subject.ticketId)}, ${value(subject.messageId)}, ${value(subject.machineId)},
           c.channel = 'push', ${sqlDate(options.now)}
    FROM (
      SELECT u.id, ${channelSql(sql`u.role`, kindSql, sql`p.channel`)} AS channel
      FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = ${kindSql}
      WHERE u.active = 1 AND (${who}) ${options.actorId === null ? sql`` : sql`AND u.id <> ${options.actorId}`}
    ) c
    WHERE c.channel <> 'off' AND ${options.guard === false ? sql`1` : onlyIfChanged}
    RETURNING id, recipient_id, push`;
}

/** The people a ticket assigned to `assignee` concerns: that person, or the whole team (lib/permissions.ts). */
export function assigneesWho(assignee: number): Statement {
  return assignee === TEAM_ASSIGNEE ? sqlName(WHOLE_TEAM_SQL) : sql`u.id = ${assignee}`;
}

export function ticketAssigned(ticketId: number, assignee: number | null, options: NotifyOptions): Statement | null {
  if (assignee === null) return null;
  return notifyUsers("assigned", assigneesWho(assignee), { ticketId }, options);
}

/** A ticket's reporter, told of its progress. */
export function reportChanged(kind: "report_status" | "report_comment", ticketId: number, options: NotifyOptions): Statement {
  return notifyUsers(kind, sql`u.id = (SELECT reported_by FROM tickets WHERE id = ${ticketId})`, { ticketId }, options);
}

/** Leads: a machine went out of service. */
export function machineDown(machineId: number, options: NotifyOptions): Statement {
  return notifyUsers("machine_down", sqlName(LEADS_SQL), { machineId }, options);
}

/** The other person of a private conversation. */
export function privateMessage(messageId: number | Statement, recipientId: number, options: NotifyOptions): Statement {
  return notifyUsers("message", sql`u.id = ${recipientId}`, { messageId }, options);
}

/** A group's other members (lib/messages/members.ts), as the other person of a pair is told. */
export function groupMessage(messageId: number | Statement, groupId: number, options: NotifyOptions): Statement {
  return notifyUsers("message", sql`u.id IN (${groupMembersSql(groupId)})`, { messageId }, options);
}

/**
 * The people a team message mentions by first name (@Sophie): the first word of
 * their name key (lib/accounts/names.ts), so case and accents do not matter.
 * Only the team channel's members: a guest is not one.
 */
export function teamMention(messageId: number | Statement, firstNameKeys: string[], options: NotifyOptions): Statement | null {
  if (!firstNameKeys.length) return null;
  return notifyUsers(
    "mention",
    sql`${sqlName(STAFF_SQL)} AND substr(u.name_key, 1, instr(u.name_key || ' ', ' ') - 1) IN (SELECT value FROM json_each(${JSON.stringify(firstNameKeys)}))`,
    { messageId },
    options,
  );
}

export function notificationRows(rows: Record<string, unknown>[]): NotificationRow[] {
  return rows.map((r) => ({ id: Number(r.id), recipientId: Number(r.recipient_id), push: Number(r.push) === 1 }));
}

/**
 * Statements whose last one may tell someone: one batch, all or nothing. Returns
 * every statement's result, and the notifications the last one wrote.
 */
export async function writeAndNotify(db: Db, statements: (Statement | null)[], notify: Statement | null, after: Statement[] = []) {
  const written = statements.filter((s): s is Statement => s !== null);
  // `after`: consequences with guards of their own, placed past the notification so its changes() guard reads the record.
  const results = await writeBatch(db, [...written, ...(notify ? [notify] : []), ...after]);
  return { results, notifications: notify ? notificationRows(results[written.length]!.rows) : [] };
}

/** Hands what was written to the context's dispatch (dispatch.ts unless a test replaces it). */
export async function dispatchWritten(ctx: Pick<ActionContext, "dispatchNotifications">, rows: NotificationRow[]): Promise<void> {
  if (rows.length) await (ctx.dispatchNotifications ?? dispatchNotifications)(rows);
}

/**
 * changeTicket (lib/tickets/events.ts) that also tells: the change, its timeline
 * event and the notifications in one batch (and `after`, what the change brings
 * with it, e.g. the end of a machine's stop), then the dispatch. Returns the rows
 * the change touched.
 */
export async function changeTicketAndNotify(
  ctx: Pick<ActionContext, "db" | "dispatchNotifications">,
  change: Statement,
  event: TicketEventInput,
  now: Date,
  notify: Statement | null,
  after: Statement[] = [],
): Promise<number> {
  const { results, notifications } = await writeAndNotify(ctx.db, [change, ticketEventsInsert([event], now)], notify, after);
  await dispatchWritten(ctx, notifications);
  return results[0]!.changes;
}
