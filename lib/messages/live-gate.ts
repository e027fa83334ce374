// Who may hold a live socket: a valid one-minute token (live-token.ts), checked
// in worker.ts before the upgrade reaches the conversation hub, for a session
// that still stands, which the hub checks against D1 when the socket connects and
// again whenever one of the user's sessions ends (live-hub.ts). Plain D1 SQL, no
// Prisma: the worker entry does not carry the Prisma client (worker.ts explains why).
import { isCurrent, type SessionState } from "../accounts/session-state";
import { verifyLiveToken, type LiveSession } from "./live-token";

export type LiveAdmission = { ok: true; session: LiveSession } | { ok: false; status: 401 | 426 };

/**
 * 426 without a WebSocket upgrade; 401 without a token, or with one that is
 * malformed, forged or expired (the page asks for a new one and retries). The
 * session it names is the hub's to check.
 */
export async function admitLiveSocket(request: Request, secret: string | undefined, now = Date.now()): Promise<LiveAdmission> {
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return { ok: false, status: 426 };
  const token = new URL(request.url).searchParams.get("token");
  const session = token && secret ? await verifyLiveToken(token, secret, now) : null;
  return session ? { ok: true, session } : { ok: false, status: 401 };
}

/** One user's sessions as D1 has them now; null when the account is deactivated or gone (no session stands). */
export interface UserSessions {
  version: number;
  /** Which of the ids asked about were signed out. */
  revoked: Set<string>;
  /** The person hides their presence (lib/messages/presence.ts): read with the sessions, no query more. */
  hidden: boolean;
  /** A guest (lib/permissions.ts): their sockets hear their groups alone, never the team channel or who is online. */
  guest: boolean;
  /** When a guest's access ends (epoch ms); null for everyone else. */
  expiresAt: number | null;
}

/** One query, whatever the number of sessions asked about (a JSON array: one bound parameter). */
export async function readUserSessions(db: D1Database, userId: number, sessionIds: string[]): Promise<UserSessions | null> {
  const row = await db
    .prepare(
      `SELECT session_version AS version, active, hide_presence AS hidden, role = 'guest' AS guest, expires_at,
         (SELECT json_group_array(id) FROM revoked_sessions WHERE user_id = users.id AND id IN (SELECT value FROM json_each(?2))) AS revoked
       FROM users WHERE id = ?1`,
    )
    .bind(userId, JSON.stringify(sessionIds))
    .first<{ version: number; active: number; hidden: number; guest: number; expires_at: string | null; revoked: string }>();
  if (!row || Number(row.active) !== 1) return null;
  return {
    version: Number(row.version),
    revoked: new Set(JSON.parse(row.revoked) as string[]),
    hidden: Number(row.hidden) === 1,
    guest: Number(row.guest) === 1,
    expiresAt: row.expires_at ? new Date(row.expires_at).getTime() : null,
  };
}

/** Whether a socket's session still stands: the rule every request's session answers to (lib/accounts/session-state.ts). */
export function sessionStands(sessions: UserSessions | null, session: LiveSession, now = Date.now()): boolean {
  const state: SessionState | null = sessions && { version: sessions.version, revoked: sessions.revoked.has(session.sessionId), expiresAt: sessions.expiresAt };
  return isCurrent(state, { sv: session.version }, now);
}

/**
 * A group's current members, as the hub fans a group's event out: the same rule
 * as lib/messages/members.ts (groupMembersSql), in plain D1 SQL (no Prisma in the
 * worker entry); tests/integration/groups.test.ts proves them equal.
 */
export async function readGroupMembers(db: D1Database, groupId: number): Promise<number[]> {
  const { results } = await db.prepare("SELECT user_id FROM conversation_members WHERE conversation_id = ?1 AND removed_at IS NULL").bind(groupId).all<{ user_id: number }>();
  return results.map((row) => Number(row.user_id));
}

/**
 * The shop screen a link's secret opens (lib/tv/links.ts), by the secret's hash,
 * which worker.ts computes: the id of a link that is not revoked, else null.
 */
export async function readScreenLink(db: D1Database, secretHash: string): Promise<number | null> {
  const row = await db.prepare("SELECT id FROM tv_links WHERE secret_hash = ?1 AND revoked_at IS NULL").bind(secretHash).first<{ id: number }>();
  return row ? Number(row.id) : null;
}
