// The conversation hub: one Durable Object (named HUB_NAME in model.ts) holding
// every open live socket, tagged with its user's id and carrying its session. It
// stores no messages: the server actions write D1 first, then ask the hub to fan
// the event out to the sockets of the conversation's members. A socket lives no
// longer than its session: admitted only while the session stands, closed when it
// ends (every end of a session calls endSessions(), lib/messages/live.ts).
// WebSocket Hibernation keeps idle sockets open while the object is out of
// memory, and the runtime answers pings on its own. Imported only by worker.ts
// (cloudflare:workers exists only there).
import { DurableObject } from "cloudflare:workers";
import type { LiveEvent } from "./live";
import { readUserSessions, sessionStands } from "./live-gate";
import type { LiveSession } from "./live-token";
import { LIVE_CLOSE } from "./model";

/** Set by worker.ts from a checked token (JSON of a LiveSession), never taken from the browser. */
export const LIVE_SESSION_HEADER = "x-atelier-live-session";

const userTag = (userId: number) => `user:${userId}`;

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

export class ConversationHub extends DurableObject<CloudflareEnv> {
  /**
   * How many times each user's sessions were checked again (endSessions): a socket
   * admitted on an older reading of D1 is read again, so one accepted while a session
   * was ending cannot slip between the end and its check. In memory: an object out of
   * memory has no admission in flight.
   */
  private readonly ends = new Map<number, number>();

  constructor(ctx: DurableObjectState, env: CloudflareEnv) {
    super(ctx, env);
    this.ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  async fetch(request: Request): Promise<Response> {
    const session = sessionFrom(request.headers.get(LIVE_SESSION_HEADER));
    if (!session) return new Response("Forbidden", { status: 403 });
    let stands: boolean;
    let seen: number;
    do {
      seen = this.ends.get(session.userId) ?? 0;
      stands = sessionStands(await readUserSessions(this.env.DB, session.userId, [session.sessionId]), session);
    } while (stands && seen !== (this.ends.get(session.userId) ?? 0));
    // 403: signed out, ended or deactivated meanwhile; the page's next token is refused too.
    if (!stands) return new Response("Forbidden", { status: 403 });
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server!, [userTag(session.userId)]);
    server!.serializeAttachment(session);
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
  }

  /** Sends the event to every socket of these users ("everyone": the team channel, whose members are all active users). */
  async publish(recipients: number[] | "everyone", event: LiveEvent): Promise<number> {
    const sockets = recipients === "everyone" ? this.ctx.getWebSockets() : recipients.flatMap((id) => this.ctx.getWebSockets(userTag(id)));
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

  /**
   * Some of the user's sessions ended (D1 already says so): each of their sockets is
   * checked against D1 and those whose session no longer stands close. `by`: the
   * session whose own request ended them, whose pages are told apart (LIVE_CLOSE).
   * Returns how many closed.
   */
  async endSessions(userId: number, by?: string): Promise<number> {
    this.ends.set(userId, (this.ends.get(userId) ?? 0) + 1);
    const sockets = this.ctx.getWebSockets(userTag(userId)).map((socket) => ({ socket, session: socket.deserializeAttachment() as LiveSession | null }));
    if (!sockets.length) return 0;
    const sessions = await readUserSessions(this.env.DB, userId, [...new Set(sockets.flatMap(({ session }) => (session ? [session.sessionId] : [])))]);
    let closed = 0;
    for (const { socket, session } of sockets) {
      if (session && sessionStands(sessions, session)) continue;
      try {
        socket.close(by !== undefined && session?.sessionId === by ? LIVE_CLOSE.endedHere : LIVE_CLOSE.sessionEnded, "session ended");
        closed++;
      } catch {
        // Already closing.
      }
    }
    return closed;
  }
}
