// Guests (lib/accounts/guests.ts) on the real local D1: an admin invites one into
// their groups, with a date; the guest sees their groups alone (no team channel,
// no pair, no ticket, no plant event, search within their groups); and at the date
// the account ends by itself: sign-in refused in words, the session refused, the
// cron ends the sessions once (and again after an extension). Every test makes its
// own people and groups.
import { beforeAll, describe, expect, it } from "vitest";
import { accessEnd } from "@/lib/accounts/guest-access";
import { endExpiredGuests, endGuestAccess, inviteGuest, updateGuestAccess } from "@/lib/accounts/guests";
import { hashPassword } from "@/lib/accounts/password";
import { isSessionCurrent, newSessionId } from "@/lib/accounts/sessions";
import { authenticate } from "@/lib/accounts/sign-in";
import * as accounts from "@/lib/accounts/users";
import { utcToWallTime, nextDay } from "@/lib/factory-time";
import { readUserSessions, sessionStands } from "@/lib/messages/live-gate";
import { createGroup } from "@/lib/messages/groups";
import { privateKey, TEAM } from "@/lib/messages/model";
import { sendMessage } from "@/lib/messages/operations";
import { countUnread, getConversationHeader, listColleagues, listConversations } from "@/lib/messages/queries";
import { machineDown } from "@/lib/notifications/events";
import { writeAndNotify } from "@/lib/notifications/events";
import { perform } from "@/lib/operation";
import { GUEST, type Who } from "@/lib/permissions";
import { searchEverything } from "@/lib/site-search/queries";
import { parseSearch } from "@/lib/site-search/model";
import { createTicket } from "@/lib/tickets/operations";
import { runScheduledJobs } from "@/cron";
import { sql } from "@/lib/db/sql";
import type { Actor } from "@/lib/operation";
import { contextFor, createMachineRow } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { direct, directOffline, refusal } from "./helpers/refusal";

const t = freshDatabase();
const TZ = "America/Toronto";
const PASSWORD = "Mot-de-passe-invité-2026";
let counter = 0;
let admin: Actor;

const invite = directOffline(inviteGuest);
const change = direct(updateGuestAccess);
const end = direct(endGuestAccess);
const create = directOffline(createGroup);
const send = directOffline(sendMessage);
const say = (from: Who, conversation: string, content: string) => send(t.db, from, { clientId: crypto.randomUUID(), conversation, content, photos: [], audio: [] });

async function person(role: Who["role"] = "technician", name?: string): Promise<Actor> {
  counter++;
  const user = await t.db.user.create({ data: { email: `p${counter}@guests.test`, name: name ?? `Personne ${counter}`, role, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, name: user.name, email: user.email, role };
}

/** The factory's today, and a day `days` after it. */
const today = () => utcToWallTime(new Date(), TZ).date;
function dayAfter(days: number, from = today()) {
  let day = from;
  for (let i = 0; i < days; i++) day = nextDay(day);
  return day;
}

/** A guest invited by `by` into `groups`, until `expiresOn`. */
async function guest(by: Actor, groups: number[] = [], expiresOn = dayAfter(30)): Promise<Actor> {
  counter++;
  const email = `invite${counter}@sous-traitant.test`;
  const { id } = await invite(t.db, by, { name: `Invité ${counter}`, company: "Hydro-Tech inc.", email, expiresOn, groups, password: PASSWORD });
  return { id, name: `Invité ${counter}`, email, role: GUEST };
}

beforeAll(async () => {
  admin = await person("admin", "Admin Invitations");
});

describe("inviting a guest", () => {
  it("writes a guest's account with its company and date, its audit entry, and its place in the admin's groups, each told there", async () => {
    const tech = await person();
    const { key } = await create(t.db, admin, { name: "Hydraulique", members: [tech.id] });
    const otherLead = await person("supervisor");
    const notMine = await create(t.db, otherLead, { name: "Pas le mien", members: [tech.id] });
    const expiresOn = dayAfter(10);
    const invited = await guest(admin, [Number(key.slice(1)), Number(notMine.key.slice(1))], expiresOn);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row).toMatchObject({ role: "guest", company: "Hydro-Tech inc.", mustChangePassword: true, active: true });
    expect(row.expiresAt?.toISOString()).toBe(accessEnd(expiresOn, TZ).toISOString());
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "user.invited", entityId: String(invited.id) } });
    expect(JSON.parse(audit.after!)).toMatchObject({ role: "guest", company: "Hydro-Tech inc." });
    // Only into the admin's own group: a group they are not in is not theirs to fill.
    expect((await listConversations(t.db, invited.id)).map((c) => c.key)).toEqual([key]);
    const lines = await t.db.message.findMany({ where: { conversationKey: key, event: { not: null } }, orderBy: { id: "asc" } });
    expect(JSON.parse(lines.at(-1)!.event!)).toEqual({ kind: "added", name: invited.name });
  });

  it("is an admin's alone: refused to a supervisor, and to a guest as something that does not exist", async () => {
    const supervisor = await person("supervisor");
    const someGuest = await guest(admin);
    for (const [who, code] of [[supervisor, "forbidden"], [someGuest, "notFound"]] as const) {
      const users = await t.db.user.count();
      const error = await refusal(invite(t.db, who, { name: "Nope", company: "X", email: `nope${counter}@x.test`, expiresOn: dayAfter(5), groups: [], password: PASSWORD }));
      expect(error.code).toBe(code);
      expect(await t.db.user.count()).toBe(users);
    }
  });

  it("is refused in words for a day already past, or more than a year ahead, and nothing is written", async () => {
    for (const [expiresOn, code] of [["2020-01-01", "guestExpiryPast"], [dayAfter(367), "guestExpiryTooFar"]] as const) {
      const [users, audits] = [await t.db.user.count(), await t.db.auditLog.count()];
      const error = await refusal(invite(t.db, admin, { name: `Refusé ${expiresOn}`, company: "X", email: `refus${expiresOn}@x.test`, expiresOn, groups: [], password: PASSWORD }));
      expect(error.code).toBe(code);
      expect(error.options.field).toBe("expiresOn");
      expect([await t.db.user.count(), await t.db.auditLog.count()]).toEqual([users, audits]);
    }
    // Today and a year from today are both allowed.
    await guest(admin, [], today());
    await guest(admin, [], dayAfter(365));
  });
});

describe("a guest", () => {
  it("sees their groups alone: no team channel, no pair, nobody to write to, no ticket", async () => {
    const tech = await person("technician", "Tech Voisin");
    const { key } = await create(t.db, admin, { name: "Chantier four", members: [tech.id] });
    const visitor = await guest(admin, [Number(key.slice(1))]);
    await say(tech, TEAM, "Réunion d'équipe à 14 h, mot zorglub");
    await say(tech, key, "Le four est froid, mot zorglub");

    expect((await listConversations(t.db, visitor.id)).map((c) => c.key)).toEqual([key]);
    expect(await countUnread(t.db, visitor.id)).toBe(1);
    // The team channel and a pair are refused to them, and to a colleague writing to them.
    expect((await refusal(say(visitor, TEAM, "Bonjour"))).code).toBe("notInConversation");
    expect((await refusal(say(visitor, privateKey(visitor.id, tech.id), "Bonjour"))).code).toBe("notInConversation");
    expect((await refusal(say(tech, privateKey(visitor.id, tech.id), "Bonjour"))).code).toBe("recipientUnavailable");
    expect(await getConversationHeader(t.db, tech, privateKey(visitor.id, tech.id))).toBeNull();
    expect((await listColleagues(t.db, tech.id)).some((c) => c.id === visitor.id)).toBe(false);
    // Their search finds their group's words, never the team's, nor any ticket, machine or person.
    const found = await searchEverything(t.db, { ...visitor, visibility: "all" }, parseSearch("zorglub"));
    expect(found.messages.items.map((m) => m.conversationKey)).toEqual([key]);
    // Tickets are the plant's: refused as something that does not exist.
    const machine = await createMachineRow(t.db);
    const result = await perform(createTicket, { title: "Fuite", machineId: machine.id, priority: "high", photos: [] }, contextFor(t.db, visitor));
    expect(result).toMatchObject({ ok: false, code: "notFound" });
  });

  it("is told of nothing from the plant: not a mention in the team channel, not a machine down", async () => {
    const visitor = await guest(admin, [], dayAfter(3));
    const lead = await person("supervisor");
    const name = visitor.name.split(" ")[0];
    await say(lead, TEAM, `@${name} pouvez-vous venir ?`);
    const machine = await createMachineRow(t.db, "Four");
    await writeAndNotify(t.db, [sql`UPDATE machines SET status = status WHERE id = ${machine.id}`], machineDown(machine.id, { actorId: lead.id, now: new Date() }));
    expect(await t.db.notification.count({ where: { recipientId: visitor.id } })).toBe(0);
  });

  it("stays a guest: no role change makes a guest of anyone, or anyone of a guest", async () => {
    const visitor = await guest(admin);
    const tech = await person();
    const update = direct(accounts.updateUser);
    expect((await refusal(update(t.db, admin, { id: visitor.id, name: visitor.name, email: visitor.email, role: "technician" }))).code).toBe("guestRoleFixed");
    expect((await refusal(update(t.db, admin, { id: tech.id, name: tech.name, email: tech.email, role: "guest" }))).code).toBe("guestRoleFixed");
    expect(await update(t.db, admin, { id: visitor.id, name: "Invité Renommé", email: visitor.email, role: "guest" })).toMatchObject({ name: "Invité Renommé", role: "guest" });
  });
});

describe("a guest's access ending", () => {
  /** A guest whose access ended a minute ago, with a session signed while it stood. */
  async function expired() {
    const visitor = await guest(admin, [], dayAfter(2));
    const signed = await authenticate(t.db, { email: visitor.email, password: PASSWORD, ip: "10.9.0.1", now: new Date() });
    expect(signed.ok).toBe(true);
    const version = signed.ok ? signed.user.sessionVersion : -1;
    const endedAt = new Date(Date.now() - 60_000);
    await t.db.user.update({ where: { id: visitor.id }, data: { expiresAt: endedAt } });
    return { visitor, version, endedAt, sid: newSessionId() };
  }

  it("refuses the sign-in in words, with the day it ended, only to whoever knows the password", async () => {
    const { visitor, endedAt } = await expired();
    const right = await authenticate(t.db, { email: visitor.email, password: PASSWORD, ip: "10.9.0.2", now: new Date() });
    expect(right).toEqual({ ok: false, reason: "expired", expiresAt: endedAt });
    const wrong = await authenticate(t.db, { email: visitor.email, password: "pas-le-bon-mot", ip: "10.9.0.2", now: new Date() });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
  });

  it("ends the session for every request and every live socket, as the clock passes the date", async () => {
    const visitor = await guest(admin, [], dayAfter(2));
    const signed = await authenticate(t.db, { email: visitor.email, password: PASSWORD, ip: "10.9.0.3", now: new Date() });
    if (!signed.ok) throw new Error("sign-in refused");
    const claims = { uid: String(visitor.id), sv: signed.user.sessionVersion, sid: newSessionId() };
    const socket = { userId: visitor.id, version: signed.user.sessionVersion, sessionId: claims.sid };
    expect(await isSessionCurrent(t.db, claims)).toBe(true);
    expect(sessionStands(await readUserSessions(t.d1, visitor.id, [claims.sid]), socket)).toBe(true);
    await t.db.user.update({ where: { id: visitor.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isSessionCurrent(t.db, claims)).toBe(false);
    expect(sessionStands(await readUserSessions(t.d1, visitor.id, [claims.sid]), socket)).toBe(false);
  });

  it("has the cron end the sessions of guests past their date once, closing their sockets, and again after an extension", async () => {
    const { visitor, version } = await expired();
    const still = await guest(admin, [], dayAfter(5));
    const closed: number[] = [];
    const ended = await endExpiredGuests(t.db, new Date(), async (userId) => void closed.push(userId));
    expect(ended).toContain(visitor.id);
    expect(ended).not.toContain(still.id);
    expect(closed).toEqual(ended);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: visitor.id } })).sessionVersion).toBe(version + 1);
    // Done once: the next run finds nothing of theirs to do.
    expect(await endExpiredGuests(t.db, new Date(), async () => {})).not.toContain(visitor.id);

    // Extended, they sign in again; past the new date, the cron ends their sessions again.
    await change(t.db, admin, { id: visitor.id, company: "Hydro-Tech inc.", expiresOn: dayAfter(1) });
    expect((await authenticate(t.db, { email: visitor.email, password: PASSWORD, ip: "10.9.0.4", now: new Date() })).ok).toBe(true);
    const later = new Date(Date.now() + 3 * 86_400_000);
    expect(await endExpiredGuests(t.db, later, async () => {})).toContain(visitor.id);
  });

  it("is a job of the scheduled run, recorded with what it ended", async () => {
    const { visitor } = await expired();
    const run = await runScheduledJobs(t.db, { cron: "*/5 * * * *", now: new Date(), env: {}, log: () => {} });
    expect(run.outcome).toBe("success");
    const job = await t.db.cronRun.findFirstOrThrow({ where: { job: "guest-expiry" }, orderBy: { id: "desc" } });
    expect(job).toMatchObject({ outcome: "success" });
    expect(job.found).toBeGreaterThanOrEqual(1);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: visitor.id } })).accessEndedAt).not.toBeNull();
  });

  it("is an admin's to end now (sessions with it) or to change; refused for an account that is not a guest's", async () => {
    const visitor = await guest(admin, [], dayAfter(20));
    const before = (await t.db.user.findUniqueOrThrow({ where: { id: visitor.id } })).sessionVersion;
    await end(t.db, admin, { id: visitor.id });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: visitor.id } });
    expect(row.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.sessionVersion).toBe(before + 1);
    expect((await authenticate(t.db, { email: visitor.email, password: PASSWORD, ip: "10.9.0.5", now: new Date() })).ok).toBe(false);
    expect(await t.db.auditLog.count({ where: { action: "user.access_ended", entityId: String(visitor.id) } })).toBe(1);

    const tech = await person();
    expect((await refusal(end(t.db, admin, { id: tech.id }))).code).toBe("notAGuest");
    expect((await refusal(change(t.db, admin, { id: tech.id, company: "X", expiresOn: dayAfter(3) }))).code).toBe("notAGuest");
    const supervisor = await person("supervisor");
    expect((await refusal(end(t.db, supervisor, { id: visitor.id }))).code).toBe("forbidden");
  });
});
