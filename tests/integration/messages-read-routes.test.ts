// The messages' read routes (app/(app)/messages/read/) called as the browser
// calls them, on the real local D1: what the signed-in user may read, JSON that
// nothing caches, and the same refusals as the actions (a signed-out caller is
// 401, a conversation one is not in is a 404, like its page). Only the request's
// session and the worker's context are stood in for: there is no Next request here.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { messagesFor } from "@/lib/i18n";
import type { CurrentUser } from "@/lib/request";
import { privateKey, TEAM } from "@/lib/messages/model";
import { verifyLiveToken } from "@/lib/messages/live-token";
import { sendMessage } from "@/lib/messages/operations";
import { GET as getHistoryRoute } from "@/app/(app)/messages/read/history/route";
import { GET as getInboxRoute } from "@/app/(app)/messages/read/inbox/route";
import { GET as getLiveTokenRoute } from "@/app/(app)/messages/read/live-token/route";
import { GET as getTicketsRoute } from "@/app/(app)/messages/read/tickets/route";
import { createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { directOffline } from "./helpers/refusal";

const caller = vi.hoisted(() => ({ user: null as CurrentUser | null, env: null as unknown, session: { sessionId: crypto.randomUUID(), sessionVersion: 0 } }));

vi.mock("@/lib/request", () => ({
  getCurrentUser: async () => caller.user,
  // The session the jwt callback has just checked: its id and version travel in the live socket's token.
  getSession: async () => (caller.user ? caller.session : null),
  getClientAddress: async () => "127.0.0.1",
  getMessages: async () => ({ locale: "fr", t: messagesFor("fr") }),
}));
vi.mock("@opennextjs/cloudflare", () => ({
  getCloudflareContext: () => ({ env: caller.env, ctx: { waitUntil: () => {} } }),
}));

const t = freshDatabase();
let cast: Cast;
let outsider: Cast;
const send = directOffline(sendMessage);

beforeAll(async () => {
  caller.env = { DB: t.d1, MEDIA: t.media };
  cast = await createCast(t.db, "routes");
  outsider = await createCast(t.db, "outsider");
});

function signInAs(actor: { id: number; name: string; email: string; role: CurrentUser["role"] } | null, extra: Partial<CurrentUser> = {}) {
  caller.user = actor && { ...actor, mustChangePassword: false, locale: null, ...extra };
}

/** A GET to the route as the browser sends it (the params are the route's: none here). */
async function get(route: (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>, path: string) {
  const response = await route(new Request(`http://localhost${path}`), { params: Promise.resolve({}) });
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: (await response.json()) as Record<string, unknown> };
}

describe("a conversation's history", () => {
  it("answers its two people with the page, uncached; another pair's conversation is not found, and a signed-out caller is refused", async () => {
    const key = privateKey(cast.technician.id, cast.operator.id);
    const sent = await send(t.db, cast.technician, { clientId: crypto.randomUUID(), conversation: key, content: "Entre nous deux", photos: [], audio: [] });
    const path = `/messages/read/history?conversation=${key}&after=${sent.id - 1}`;

    for (const member of [cast.technician, cast.operator]) {
      signInAs(member);
      const answer = await get(getHistoryRoute, path);
      expect(answer.status).toBe(200);
      expect(answer.cacheControl).toMatch(/no-store/);
      expect((answer.body.messages as { id: number; content: string }[]).map((m) => [m.id, m.content])).toEqual([[sent.id, "Entre nous deux"]]);
    }
    // Whatever their role, someone outside the pair gets what a conversation that does not exist gets.
    for (const role of ["admin", "supervisor"] as const) {
      signInAs(outsider[role]);
      const answer = await get(getHistoryRoute, path);
      expect(answer.status, role).toBe(404);
      expect(JSON.stringify(answer.body)).not.toContain("Entre nous deux");
    }
    signInAs(null);
    expect((await get(getHistoryRoute, path)).status).toBe(401);
    signInAs(cast.technician, { mustChangePassword: true });
    expect((await get(getHistoryRoute, path)).status).toBe(403);
  });

  it("refuses a malformed page request", async () => {
    signInAs(cast.technician);
    expect((await get(getHistoryRoute, `/messages/read/history?conversation=${TEAM}&before=abc`)).status).toBe(400);
  });
});

describe("the inbox, a live message's tickets and the live socket's ticket", () => {
  it("answer the signed-in user alone, and nobody signed out", async () => {
    const key = privateKey(cast.supervisor.id, cast.admin.id);
    await send(t.db, cast.supervisor, { clientId: crypto.randomUUID(), conversation: key, content: "La ligne 2 repart", photos: [], audio: [] });
    signInAs(cast.admin);
    const inbox = await get(getInboxRoute, "/messages/read/inbox");
    expect(inbox.status).toBe(200);
    expect(inbox.body).toEqual(expect.arrayContaining([expect.objectContaining({ key, unread: 1 })]));
    signInAs(outsider.admin);
    expect(JSON.stringify((await get(getInboxRoute, "/messages/read/inbox")).body)).not.toContain(key);

    signInAs(cast.admin);
    const tickets = await get(getTicketsRoute, "/messages/read/tickets?id=TKT-M001-20260101-001");
    expect(tickets).toMatchObject({ status: 200, body: {} });
    process.env.AUTH_SECRET ??= "route-test-secret";
    const { token } = (await get(getLiveTokenRoute, "/messages/read/live-token")).body as { token: string };
    expect(await verifyLiveToken(token, process.env.AUTH_SECRET)).toEqual({ userId: cast.admin.id, version: 0, sessionId: caller.session.sessionId });

    signInAs(null);
    for (const [route, path] of [
      [getInboxRoute, "/messages/read/inbox"],
      [getTicketsRoute, "/messages/read/tickets?id=TKT-M001-20260101-001"],
      [getLiveTokenRoute, "/messages/read/live-token"],
    ] as const) {
      const answer = await get(route, path);
      expect(answer.status, path).toBe(401);
      expect(answer.body).not.toHaveProperty("token");
    }
  });
});
