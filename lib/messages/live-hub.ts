// The conversation hub: one Durable Object (named HUB_NAME in model.ts) holding
// every open live socket, tagged with its user's id. It stores no messages: the
// server actions write D1 first, then ask the hub to fan the event out to the
// sockets of the conversation's members. WebSocket Hibernation keeps idle
// sockets open while the object is out of memory, and the runtime answers pings
// on its own. Imported only by worker.ts (cloudflare:workers exists only there).
import { DurableObject } from "cloudflare:workers";
import type { LiveEvent } from "./live";

/** Set by worker.ts from a checked token, never taken from the browser. */
export const LIVE_USER_HEADER = "x-atelier-live-user";

const userTag = (userId: number) => `user:${userId}`;

export class ConversationHub extends DurableObject<CloudflareEnv> {
  constructor(ctx: DurableObjectState, env: CloudflareEnv) {
    super(ctx, env);
    this.ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  async fetch(request: Request): Promise<Response> {
    const userId = Number(request.headers.get(LIVE_USER_HEADER));
    if (!Number.isInteger(userId) || userId <= 0) return new Response("Forbidden", { status: 403 });
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server!, [userTag(userId)]);
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

  /** A deactivated user's sockets close at once (4001: the page stops reconnecting). */
  async disconnect(userId: number): Promise<void> {
    for (const socket of this.ctx.getWebSockets(userTag(userId))) socket.close(4001, "deactivated");
  }
}
