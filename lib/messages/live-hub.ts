// The conversation hub: one Durable Object (named HUB_NAME in model.ts) holding
// every open live socket, tagged with its user's id and carrying its session. It
// stores no messages: the server actions write D1 first, then ask the hub to fan
// the event out to the sockets of the conversation's members. A socket lives no
// longer than its session: admitted only while the session stands, closed when it
// ends (every end of a session calls endSessions(), lib/messages/live.ts).
// The shop's screens (lib/tv/) hold sockets too, admitted by their link and closed
// when it is revoked; they hear only what forScreens() lets through, never a message.
// Who is online (presence.ts) is read from the same sockets: the hub tells every
// page when it changes, with no polling, and sleeps while nobody is online.
// WebSocket Hibernation keeps idle sockets open while the object is out of
// memory, and the runtime answers pings on its own. Imported only by worker.ts
// (cloudflare:workers exists only there).
import { DurableObject } from "cloudflare:workers";
import { forScreens, type LiveEvent, type LiveRecipients } from "./live";
import { readGroupMembers, readScreenLink, readUserSessions, sessionStands } from "./live-gate";
import type { LiveSession } from "./live-token";
import { LIVE_CLOSE } from "./model";
import { nextPresenceCheck, onlineUsers, samePresence, SETTLE_MS, type SocketPresence } from "./presence";

/** Set by worker.ts from a checked token (JSON of a LiveSession), never taken from the browser. */
export const LIVE_SESSION_HEADER = "x-atelier-live-session";
/** Set by worker.ts for a shop screen: the SHA-256 of its link's secret (lib/tv/secret.ts), never the secret. */
export const LIVE_SCREEN_HEADER = "x-atelier-live-screen";

const userTag = (userId: number) => `user:${userId}`;
const screenTag = (linkId: number) => `screen:${linkId}`;
const SCREENS_TAG = "screens";
/** The online people last told to the pages (ctx.storage: an object out of memory remembers it). */
const PRESENCE_KEY = "presence";

/**
 * What a socket carries: a person's session (whether they hide their presence,
 * whether they are a guest: absent on a socket admitted before guests existed),
 * or a screen's link.
 */
type Attachment = ({ kind: "user"; hidden: boolean; guest?: boolean } & LiveSession & { since: number }) | { kind: "screen"; linkId: number; since: number };

function sessionFrom(header: string | null): LiveSession | null {
  try {
    const session = JSON.parse(header ?? "") as Partial<LiveSession>;
    const { userId, version, sessionId } = session;
    if (!Number.isInteger(userId) || userId! <= 0 || !Number.isInteger(version) || typeof sessionId !== "string") return null;
    return { userId: userId!, version: version!, sessionId };
  } catch {
    return null;
  }
}

const attachmentOf = (socket: WebSocket) => socket.deserializeAttachment() as Attachment | null;
type UserAttachment = Extract<Attachment, { kind: "user" }>;
/** A person's socket: everything but a screen's (one admitted before screens existed carries no kind). */
const userOf = (attachment: Attachment | null): UserAttachment | null => (attachment && attachment.kind !== "screen" ? attachment : null);

export class ConversationHub extends DurableObject<CloudflareEnv> {
  /**
   * How many times the sockets of a user were checked again (endSessions), by their
   * tag, and how many screen links were revoked (endScreen, under SCREENS_TAG): a
   * socket admitted on an older reading of D1
   * is read again, so one accepted while a session was ending, or a link was
   * revoked, cannot slip between the end and its check. In memory: an object out of
   * memory has no admission in flight.
   */
  private readonly ends = new Map<string, number>();

  constructor(ctx: DurableObjectState, env: CloudflareEnv) {
    super(ctx, env);
    this.ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  async fetch(request: Request): Promise<Response> {
    const screen = request.headers.get(LIVE_SCREEN_HEADER);
    if (screen !== null) return this.admitScreen(screen);
    const session = sessionFrom(request.headers.get(LIVE_SESSION_HEADER));
    if (!session) return new Response("Forbidden", { status: 403 });
    const tag = userTag(session.userId);
    let sessions: Awaited<ReturnType<typeof readUserSessions>>;
    let seen: number;
    do {
      seen = this.ends.get(tag) ?? 0;
      sessions = await readUserSessions(this.env.DB, session.userId, [session.sessionId]);
    } while (sessionStands(sessions, session) && seen !== (this.ends.get(tag) ?? 0));
    // 403: signed out, ended or deactivated meanwhile; the page's next token is refused too.
    if (!sessions || !sessionStands(sessions, session)) return new Response("Forbidden", { status: 403 });
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server!, [tag]);
    // A guest is left out of who is online, both ways: nobody sees them, and they hear of nobody (publish "everyone").
    server!.serializeAttachment({ kind: "user", ...session, hidden: sessions.hidden || sessions.guest, guest: sessions.guest, since: Date.now() } satisfies Attachment);
    await this.presenceChanged(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** A shop screen, by its link's hash: admitted while the link is not revoked (403 otherwise, like an ended session). */
  private async admitScreen(secretHash: string): Promise<Response> {
    if (!/^[0-9a-f]{64}$/.test(secretHash)) return new Response("Forbidden", { status: 403 });
    // The link is known only once read: any revocation meanwhile has it read again.
    let linkId: number | null;
    let seen: number;
    do {
      seen = this.ends.get(SCREENS_TAG) ?? 0;
      linkId = await readScreenLink(this.env.DB, secretHash);
    } while (linkId !== null && seen !== (this.ends.get(SCREENS_TAG) ?? 0));
    if (linkId === null) return new Response("Forbidden", { status: 403 });
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server!, [SCREENS_TAG, screenTag(linkId)]);
    server!.serializeAttachment({ kind: "screen", linkId, since: Date.now() } satisfies Attachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  async webSocketMessage(): Promise<void> {
    // Browsers only listen; pings are answered by the auto-response.
  }

  async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    // A drop is reported as 1006 (or 1005/1015), codes that may not be sent back in a
    // close frame: answering with them threw in the runtime. The page reconnects either way.
    const sendable = code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000;
    try {
      socket.close(sendable, reason);
    } catch {
      // Already closed on our side: nothing left to answer.
    }
    await this.settleSoon();
  }

  async webSocketError(): Promise<void> {
    await this.settleSoon();
  }

  /** The presence check after a socket closed, or one a vanished page is due (nextPresenceCheck). */
  async alarm(): Promise<void> {
    await this.presenceChanged();
  }

  /**
   * Sends the event to every socket of these users; of a group's members, read from
   * D1 now (a member removed a moment ago hears nothing more, open socket or not);
   * of the plant's people ("everyone": the team channel, whose members are all
   * active users but guests); and to the shop screens what they may hear of it
   * ("screens": to them alone).
   */
  async publish(recipients: LiveRecipients, event: LiveEvent): Promise<number> {
    const people =
      recipients === "screens"
        ? []
        : recipients === "everyone"
          ? this.userSockets().filter((socket) => !userOf(attachmentOf(socket))?.guest)
          : (Array.isArray(recipients) ? recipients : await readGroupMembers(this.env.DB, recipients.group)).flatMap((id) => this.ctx.getWebSockets(userTag(id)));
    const screenEvent = typeof recipients === "string" ? forScreens(event) : null;
    return this.send(people, event) + (screenEvent ? this.send(this.ctx.getWebSockets(SCREENS_TAG), screenEvent) : 0);
  }

  /**
   * Some of the user's sessions ended (D1 already says so): each of their sockets is
   * checked against D1 and those whose session no longer stands close. `by`: the
   * session whose own request ended them, whose pages are told apart (LIVE_CLOSE).
   * Returns how many closed.
   */
  async endSessions(userId: number, by?: string): Promise<number> {
    const tag = userTag(userId);
    this.ends.set(tag, (this.ends.get(tag) ?? 0) + 1);
    const sockets = this.ctx.getWebSockets(tag).map((socket) => ({ socket, session: userOf(attachmentOf(socket)) }));
    if (!sockets.length) return 0;
    const sessions = await readUserSessions(this.env.DB, userId, [...new Set(sockets.flatMap(({ session }) => (session ? [session.sessionId] : [])))]);
    let closed = 0;
    for (const { socket, session } of sockets) {
      if (session && sessionStands(sessions, session)) continue;
      closed += this.close(socket, by !== undefined && session?.sessionId === by ? LIVE_CLOSE.endedHere : LIVE_CLOSE.sessionEnded, "session ended");
    }
    if (closed) await this.settleSoon();
    return closed;
  }

  /** A screen's link was revoked (D1 already says so): its sockets close, and say why. Returns how many. */
  async endScreen(linkId: number): Promise<number> {
    this.ends.set(SCREENS_TAG, (this.ends.get(SCREENS_TAG) ?? 0) + 1);
    return this.ctx.getWebSockets(screenTag(linkId)).reduce((closed, socket) => closed + this.close(socket, LIVE_CLOSE.screenRevoked, "link revoked"), 0);
  }

  /** The person's choice to hide their presence, on their open sockets at once (D1 already has it). */
  async setPresenceHidden(userId: number, hidden: boolean): Promise<void> {
    for (const socket of this.ctx.getWebSockets(userTag(userId))) {
      const attachment = userOf(attachmentOf(socket));
      if (attachment) socket.serializeAttachment({ ...attachment, hidden: hidden || !!attachment.guest } satisfies Attachment);
    }
    await this.presenceChanged();
  }

  /** The people online now (presence.ts). */
  async online(): Promise<number[]> {
    return onlineUsers(this.presence(), Date.now());
  }

  private userSockets(): WebSocket[] {
    return this.ctx.getWebSockets().filter((socket) => attachmentOf(socket)?.kind !== "screen");
  }

  private presence(): SocketPresence[] {
    return this.ctx.getWebSockets().map((socket) => {
      const attachment = attachmentOf(socket);
      const pinged = this.ctx.getWebSocketAutoResponseTimestamp(socket)?.getTime() ?? 0;
      const user = userOf(attachment);
      return { userId: user?.userId ?? null, hidden: user?.hidden ?? false, lastSeen: Math.max(attachment?.since ?? 0, pinged) };
    });
  }

  /**
   * Who is online, worked out again: told to every page (and, as a bare change, to the
   * screens) when it differs from what they were last told; otherwise to the socket
   * that just opened alone. Then the next check is set for when someone online would
   * go stale: nothing wakes the object while nobody is online.
   */
  private async presenceChanged(newcomer?: WebSocket): Promise<void> {
    const now = Date.now();
    const sockets = this.presence();
    const online = onlineUsers(sockets, now);
    const told = (await this.ctx.storage.get<number[]>(PRESENCE_KEY)) ?? [];
    const event: LiveEvent = { type: "presence", online };
    if (!samePresence(online, told)) {
      await this.ctx.storage.put(PRESENCE_KEY, online);
      await this.publish("everyone", event);
    } else if (newcomer && !userOf(attachmentOf(newcomer))?.guest) {
      // A guest hears of nobody (publish "everyone" leaves them out too).
      this.send([newcomer], event);
    }
    const next = nextPresenceCheck(sockets, now);
    if (next !== null) await this.checkBy(next);
  }

  /** A socket closed: presence is worked out again in a moment, once, whatever closes meanwhile. */
  private async settleSoon(): Promise<void> {
    await this.checkBy(Date.now() + SETTLE_MS);
  }

  /** One alarm at a time: the earlier of the one set and this one (one due already is the one running: replaced). */
  private async checkBy(time: number): Promise<void> {
    const set = await this.ctx.storage.getAlarm();
    if (set === null || set > time || set <= Date.now()) await this.ctx.storage.setAlarm(time);
  }

  private send(sockets: WebSocket[], event: LiveEvent): number {
    const data = JSON.stringify(event);
    let sent = 0;
    for (const socket of sockets) {
      try {
        socket.send(data);
        sent++;
      } catch {
        // A socket closing meanwhile: its page catches up from D1 when it reconnects.
      }
    }
    return sent;
  }

  private close(socket: WebSocket, code: number, reason: string): number {
    try {
      socket.close(code, reason);
      return 1;
    } catch {
      return 0; // Already closing.
    }
  }
}
