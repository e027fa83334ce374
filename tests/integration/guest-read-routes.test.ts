// Every read route the app has (found in app/, so a new one cannot be forgotten)
// called by a guest, as the browser calls it: a 404 for all but the messages'
// own, which answer them about their groups alone. Only the request's session and
// the worker's context are stood in for, as in messages-read-routes.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { messagesFor } from "@/lib/i18n";
import type { CurrentUser } from "@/lib/request";
import { createGroup } from "@/lib/messages/groups";
import { TEAM } from "@/lib/messages/model";
import { sendMessage } from "@/lib/messages/operations";
import type { Actor } from "@/lib/operation";
import { freshDatabase } from "./helpers/local-d1";
import { directOffline } from "./helpers/refusal";

const caller = vi.hoisted(() => ({ user: null as CurrentUser | null, env: null as unknown, session: { sessionId: crypto.randomUUID(), sessionVersion: 0 } }));

vi.mock("@/lib/request", () => ({
  getCurrentUser: async () => caller.user,
  getSession: async () => (caller.user ? caller.session : null),
  getClientAddress: async () => "127.0.0.1",
  getMessages: async () => ({ locale: "fr", t: messagesFor("fr") }),
}));
vi.mock("@opennextjs/cloudflare", () => ({
  getCloudflareContext: () => ({ env: caller.env, ctx: { waitUntil: () => {} } }),
}));

const t = freshDatabase();
const APP = path.resolve(import.meta.dirname, "../../app");

/** The app's read routes: every route.ts built on readRoute (lib/read-route.ts), by its URL. */
function readRoutes(dir = APP): { url: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return readRoutes(file);
    if (entry.name !== "route.ts" || !readFileSync(file, "utf8").includes("readRoute(")) return [];
    // Route groups, "(app)", are not in the URL.
    const url = `/${path.relative(APP, path.dirname(file)).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/")}`;
    return [{ url, file }];
  });
}

let guest: Actor;
let groupKey: string;

beforeAll(async () => {
  caller.env = { DB: t.d1, MEDIA: t.media };
  const lead = await t.db.user.create({ data: { email: "lead@routes.test", name: "Lead Routes", role: "supervisor", passwordHash: "x" } });
  const visitor = await t.db.user.create({
    data: { email: "guest@routes.test", name: "Guest Routes", role: "guest", company: "Hydro-Tech inc.", expiresAt: new Date(Date.now() + 86_400_000), passwordHash: "x" },
  });
  guest = { id: visitor.id, name: visitor.name, email: visitor.email, role: "guest" };
  const leadActor: Actor = { id: lead.id, name: lead.name, email: lead.email, role: "supervisor" };
  ({ key: groupKey } = await directOffline(createGroup)(t.db, leadActor, { name: "Fournisseur", members: [visitor.id] }));
  const send = directOffline(sendMessage);
  await send(t.db, leadActor, { clientId: crypto.randomUUID(), conversation: groupKey, content: "Pour le groupe", photos: [], audio: [] });
  await send(t.db, leadActor, { clientId: crypto.randomUUID(), conversation: TEAM, content: "Pour l'équipe", photos: [], audio: [] });
  caller.user = { ...guest, mustChangePassword: false, locale: null };
  process.env.AUTH_SECRET ??= "route-test-secret";
});

/** What a guest's request with this query gets from the route. */
async function get(file: string, query = "") {
  const route = (await import(file)) as { GET: (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response> };
  const response = await route.GET(new Request(`http://localhost/x${query}`), { params: Promise.resolve({}) });
  return { status: response.status, text: await response.text() };
}

// The messages' own routes take guests, about their groups; every other is a 404 to them.
const forGuests = new Set(["/messages/read/history", "/messages/read/inbox", "/messages/read/live-token", "/messages/read/tickets"]);
/** Queries a route would be called with (a valid one, so a refusal is never about its input). */
const queries: Record<string, string> = {
  "/tickets/read/open": "?machine=1",
  "/tickets/read/sentence": "?texte=la%20presse%20fuit",
  "/tickets/read/board": "",
};

describe("a guest calling the app's read routes", () => {
  it("finds them in app/: the messages' four and the tickets' ones at least", () => {
    const urls = readRoutes().map((r) => r.url);
    for (const url of [...forGuests, "/tickets/read/board", "/tickets/read/open"]) expect(urls).toContain(url);
  });

  for (const route of readRoutes()) {
    if (forGuests.has(route.url)) continue;
    it(`gets a 404 from ${route.url}`, async () => {
      const answer = await get(route.file, queries[route.url] ?? "");
      expect(answer.status).toBe(404);
    });
  }

  it("reads their group's history and their inbox, never the team channel's", async () => {
    const files = new Map(readRoutes().map((r) => [r.url, r.file]));
    const group = await get(files.get("/messages/read/history")!, `?conversation=${groupKey}`);
    expect(group.status).toBe(200);
    expect(group.text).toContain("Pour le groupe");
    const team = await get(files.get("/messages/read/history")!, `?conversation=${TEAM}`);
    expect(team.status).toBe(404);
    expect(team.text).not.toContain("Pour l'équipe");
    const inbox = JSON.parse((await get(files.get("/messages/read/inbox")!)).text) as { key: string }[];
    expect(inbox.map((c) => c.key)).toEqual([groupKey]);
  });
});
