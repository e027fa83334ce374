// The homes (app/(app)/page.tsx): "Terminé" with a comment and photos as each
// role, all or nothing; "J'y vais" from the list; and what each home's lists
// read, with their D1 query counts.
import { beforeAll, describe, expect, it } from "vitest";
import { countingD1 } from "../../bench/lib/count-d1.mjs";
import { createDb } from "@/lib/db/client";
import { listMachinesDown } from "@/lib/machines/queries";
import { goOnAssignment } from "@/lib/notifications/operations";
import { perform } from "@/lib/operation";
import type { Role } from "@/lib/permissions";
import { FLAGGED_PLAN_SQL, isFlagged } from "@/lib/plans/model";
import { listFlaggedPlans } from "@/lib/plans/queries";
import { TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { finishTicket } from "@/lib/tickets/operations";
import { listOverdue, listReports, listUnassigned, listWork, recentReportMachines } from "@/lib/tickets/work";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
const now = new Date("2026-11-23T15:00:00Z");
const zone = "America/Toronto";
let cast: Cast;
let machineId: number;

beforeAll(async () => {
  cast = await createCast(t.db, "home");
  machineId = (await createMachineRow(t.db, "Presse")).id;
});

const as = (role: Role, extra = {}) => contextFor(t.db, cast[role], { media: t.media, now, dispatchNotifications: async () => {}, ...extra });
const jpeg = (name = "fini.jpg") => {
  const bytes = new Uint8Array(64);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return new File([bytes], name);
};
let n = 0;
async function ticket(data: { status?: string; assignedTo?: number | null; priority?: string; scheduledDate?: Date | null; reportedBy?: number; deletedAt?: Date; machine?: number } = {}) {
  const { machine, ...rest } = data;
  return t.db.ticket.create({
    data: { ticketId: `HOME-${++n}`, title: `Ticket ${n}`, machineId: machine ?? machineId, reportedBy: cast.operator.id, status: "in_progress", assignedTo: cast.technician.id, ...rest },
  });
}
const objects = async () => (await t.media.list()).objects.length;
const events = async (ticketId: number) => (await t.db.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" } })).map((e) => e.type);

describe("finishing a ticket from the home", () => {
  it("completes it with its comment and photos, each with its timeline event, and tells the reporter once", async () => {
    const tk = await ticket();
    const before = await objects();
    const result = await perform(finishTicket, { id: tk.id, from: "in_progress", comment: "Joint changé", photos: [jpeg()] }, as("technician"));
    expect(result).toEqual({ ok: true, data: { id: tk.id, status: "completed", from: "in_progress" } });
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: tk.id } });
    expect(row.status).toBe("completed");
    expect(row.completedAt).toEqual(now);
    expect((await t.db.ticketComment.findMany({ where: { ticketId: tk.id } })).map((c) => [c.content, c.userId])).toEqual([["Joint changé", cast.technician.id]]);
    expect((await t.db.media.findMany({ where: { ticketId: tk.id } })).map((m) => m.fileName)).toEqual(["fini.jpg"]);
    expect(await objects()).toBe(before + 1);
    expect(await events(tk.id)).toEqual(["status", "comment", "media_added"]);
    const told = await t.db.notification.findMany({ where: { ticketId: tk.id } });
    expect(told.map((x) => [x.recipientId, x.kind])).toEqual([[cast.operator.id, "report_status"]]);
  });

  it("in one tap, with nothing else", async () => {
    const tk = await ticket({ status: "diagnostic" });
    expect((await perform(finishTicket, { id: tk.id, from: "diagnostic" }, as("supervisor"))).ok).toBe(true);
    expect(await events(tk.id)).toEqual(["status"]);
    expect(await t.db.ticketComment.count({ where: { ticketId: tk.id } })).toBe(0);
  });

  it("is for whoever works on tickets: operators and guests are refused, and nothing is stored", async () => {
    const allowed: Record<Role, boolean> = { technician: true, supervisor: true, admin: true, operator: false, guest: false };
    for (const role of Object.keys(allowed) as Role[]) {
      const tk = await ticket();
      const before = await objects();
      const result = await perform(finishTicket, { id: tk.id, from: "in_progress", photos: [jpeg()] }, as(role));
      expect(result.ok, role).toBe(allowed[role]);
      if (!allowed[role]) {
        // To a guest, what they may not use does not exist (lib/operation.ts).
        expect(!result.ok && result.code).toBe(role === "guest" ? "notFound" : "forbidden");
        expect(await objects()).toBe(before);
        expect((await t.db.ticket.findUniqueOrThrow({ where: { id: tk.id } })).status).toBe("in_progress");
      }
    }
  });

  it("a ticket moved meanwhile is refused in words, with no comment, no photo row and no file left", async () => {
    const tk = await ticket({ status: "waiting_parts" });
    const before = await objects();
    const result = await perform(finishTicket, { id: tk.id, from: "in_progress", comment: "Fini", photos: [jpeg()] }, as("technician"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe("movedMeanwhile");
    expect(!result.ok && result.error).toMatch(/déplacé ou modifié entre-temps/);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: tk.id } })).status).toBe("waiting_parts");
    expect(await t.db.ticketComment.count({ where: { ticketId: tk.id } })).toBe(0);
    expect(await t.db.media.count({ where: { ticketId: tk.id } })).toBe(0);
    expect(await events(tk.id)).toEqual([]);
    expect(await objects()).toBe(before);
  });

  it("writes nothing at all when the comment cannot be written: not the move either, and the photo leaves R2", async () => {
    const tk = await ticket();
    const before = await objects();
    await t.d1.exec("CREATE TRIGGER fail_comment BEFORE INSERT ON ticket_comments BEGIN SELECT RAISE(ABORT, 'boom'); END");
    try {
      await expect(perform(finishTicket, { id: tk.id, from: "in_progress", comment: "Fini", photos: [jpeg()] }, as("technician"))).rejects.toThrow(/boom/);
    } finally {
      await t.d1.exec("DROP TRIGGER fail_comment");
    }
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: tk.id } })).status).toBe("in_progress");
    expect(await events(tk.id)).toEqual([]);
    expect(await t.db.media.count({ where: { ticketId: tk.id } })).toBe(0);
    expect(await objects()).toBe(before);
  });

  it("ends the stop of the machine the ticket held down, in the same batch", async () => {
    const machine = (await createMachineRow(t.db, "Tour")).id;
    const tk = await ticket({ machine });
    await t.db.machine.update({ where: { id: machine }, data: { downSince: now, downTicketId: tk.id } });
    await t.db.machineDowntime.create({ data: { machineId: machine, ticketId: tk.id, startedAt: now, startedBy: cast.technician.id } });
    expect((await perform(finishTicket, { id: tk.id, from: "in_progress", comment: "Remise en marche" }, as("technician"))).ok).toBe(true);
    expect((await t.db.machine.findUniqueOrThrow({ where: { id: machine } })).downSince).toBeNull();
    // The comment rides on the move (each statement guarded by the one before), the stop's end comes after.
    expect(await events(tk.id)).toEqual(["status", "comment", "machine_up"]);
  });
});

describe("J'y vais from the notification list", () => {
  it("takes a team ticket and starts it, for the person who was told", async () => {
    const tk = await ticket({ status: "received", assignedTo: TEAM_ASSIGNEE });
    const told = await t.db.notification.create({ data: { recipientId: cast.technician.id, kind: "assigned", ticketId: tk.id, createdAt: now } });
    const result = await perform(goOnAssignment, { notificationId: told.id }, as("technician"));
    expect(result).toEqual({ ok: true, data: { ticketCode: tk.ticketId } });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: tk.id } })).toMatchObject({ assignedTo: cast.technician.id, status: "in_progress" });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: told.id } })).readAt).toEqual(now);
  });

  it("is nobody else's to use", async () => {
    const tk = await ticket({ status: "received", assignedTo: TEAM_ASSIGNEE });
    const told = await t.db.notification.create({ data: { recipientId: cast.technician.id, kind: "assigned", ticketId: tk.id, createdAt: now } });
    const result = await perform(goOnAssignment, { notificationId: told.id }, as("supervisor"));
    expect(!result.ok && result.code).toBe("notFound");
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: tk.id } })).assignedTo).toBe(TEAM_ASSIGNEE);
  });
});

describe("what the homes read", () => {
  const counted = () => {
    const { d1, counter } = countingD1(t.d1);
    return { db: createDb(d1), counter };
  };

  it("a technician's work: theirs and the team's, open, in order, bounded, in two queries", async () => {
    const other = await t.db.user.create({ data: { email: "autre@home.test", name: "Autre", role: "technician", passwordHash: "x" } });
    const mine = await ticket({ status: "received", priority: "low" });
    const team = await ticket({ status: "received", assignedTo: TEAM_ASSIGNEE, priority: "critical" });
    const overdue = await ticket({ status: "diagnostic", scheduledDate: new Date("2026-11-20T13:00:00Z") });
    const theirs = await ticket({ assignedTo: other.id });
    const closed = await ticket({ status: "completed" });
    const deleted = await ticket({ deletedAt: now });
    const { db, counter } = counted();
    const work = await listWork(db, { userId: cast.technician.id, scope: "all", now, timeZone: zone, take: 500 });
    expect(counter.queries).toBe(2);
    const ids = work.items.map((item) => item.id);
    for (const shown of [mine, team, overdue]) expect(ids).toContain(shown.id);
    for (const hidden of [theirs, closed, deleted]) expect(ids).not.toContain(hidden.id);
    expect(ids.indexOf(overdue.id)).toBeLessThan(ids.indexOf(team.id));
    expect(ids.indexOf(team.id)).toBeLessThan(ids.indexOf(mine.id));
    expect(work.total).toBe(ids.length);
    expect(work.counts.team + work.counts.mine).toBe(work.total);

    const onlyMine = await listWork(t.db, { userId: cast.technician.id, scope: "mine", now, timeZone: zone, take: 500 });
    expect(onlyMine.items.every((item) => item.assignedTo === cast.technician.id)).toBe(true);
    expect(onlyMine.total).toBe(work.counts.mine);
    const onlyTeam = await listWork(t.db, { userId: cast.technician.id, scope: "team", now, timeZone: zone, take: 500 });
    expect(onlyTeam.items.map((item) => item.id)).toContain(team.id);
    expect(onlyTeam.total).toBe(work.counts.team);

    const firstTwo = await listWork(t.db, { userId: cast.technician.id, scope: "all", now, timeZone: zone, take: 2 });
    expect(firstTwo.items.map((item) => item.id)).toEqual(ids.slice(0, 2));
    expect(firstTwo.total).toBe(work.total);
  });

  it("an operator's reports: only theirs, open ones first, with who has each, in one query", async () => {
    const done = await ticket({ status: "completed", reportedBy: cast.operator.id });
    const waiting = await ticket({ status: "received", assignedTo: null, reportedBy: cast.operator.id });
    const someoneElses = await ticket({ reportedBy: cast.supervisor.id });
    const { db, counter } = counted();
    const reports = await listReports(db, cast.operator.id, 500);
    expect(counter.queries).toBe(1);
    const ids = reports.items.map((item) => item.id);
    expect(ids).not.toContain(someoneElses.id);
    expect(ids.indexOf(waiting.id)).toBeLessThan(ids.indexOf(done.id));
    expect(reports.items.find((item) => item.id === waiting.id)).toMatchObject({ assignedTo: null, status: "received", machine: "Presse X1" });
    const taken = reports.items.find((item) => item.assignedTo === cast.technician.id);
    expect(taken?.assigneeName).toBe(cast.technician.name);
  });

  type Machine = Awaited<ReturnType<typeof createMachineRow>>;
  it("the machines an operator last reported on: each once, the most recent first, three at most, their own reports only, one query", async () => {
    const reporter = (await createCast(t.db, "recent")).operator.id;
    const [a, b, c, d, gone, others] = (await Promise.all(["Ponceuse", "Perceuse", "Tour", "Cisaille", "Étau", "Plieuse"].map((name) => createMachineRow(t.db, name)))) as [
      Machine, Machine, Machine, Machine, Machine, Machine,
    ];
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute));
    const report = (machine: { id: number }, minute: number, extra = {}) =>
      t.db.ticket.create({ data: { ticketId: `RECENT-${++n}`, title: "Récent", machineId: machine.id, reportedBy: reporter, createdAt: at(minute), ...extra } });
    await report(a, 1);
    await report(b, 2);
    await report(a, 3);
    await report(c, 4);
    await report(d, 5);
    await report(gone, 6, { deletedAt: at(7) });
    await report(others, 8, { reportedBy: cast.supervisor.id });
    const { db, counter } = counted();
    expect(await recentReportMachines(db, reporter)).toEqual([
      { id: d.id, label: "Cisaille X1" },
      { id: c.id, label: "Tour X1" },
      { id: a.id, label: "Ponceuse X1" },
    ]);
    expect(counter.queries).toBe(1);
    expect((await recentReportMachines(t.db, reporter, 10)).map((m) => m.id)).toEqual([d.id, c.id, a.id, b.id]);
  });

  it("a lead's decisions: tickets nobody has, overdue ones, machines down and flagged plans, one query each", async () => {
    const nobody = await ticket({ status: "received", assignedTo: null, priority: "critical" });
    const late = await ticket({ status: "received", scheduledDate: new Date("2001-01-01T13:00:00Z") });
    const stopped = (await createMachineRow(t.db, "Fraiseuse")).id;
    await t.db.machine.update({ where: { id: stopped }, data: { downSince: new Date("2001-01-01T13:00:00Z"), downTicketId: late.id } });
    const outOfService = (await createMachineRow(t.db, "Scie")).id;
    await t.db.machine.update({ where: { id: outOfService }, data: { status: "out_of_service" } });
    const plan = (title: string, missedStreak: number, extra = {}) =>
      t.db.maintenancePlan.create({
        data: { machineId, title, assignedTo: TEAM_ASSIGNEE, recurrence: "days", interval: 1, startDate: "2026-03-02", timeOfDay: "08:00", createdBy: cast.supervisor.id, createdAt: now, updatedAt: now, missedStreak, ...extra },
      });
    await Promise.all([plan("Graissage", 5), plan("Filtres", 3), plan("Courroie", 2), plan("En pause", 9, { paused: true }), plan("Supprimé", 9, { deletedAt: now })]);

    const { db, counter } = counted();
    const [unassigned, overdue, down, flagged] = await Promise.all([listUnassigned(db, 5), listOverdue(db, now, 5), listMachinesDown(db, 5), listFlaggedPlans(db, 5)]);
    expect(counter.queries).toBe(4);
    expect(unassigned.items[0]!.id).toBe(nobody.id);
    expect(unassigned.items.every((item) => item.assignedTo === null)).toBe(true);
    expect(overdue.items[0]!.id).toBe(late.id);
    expect(down.items.map((m) => [m.id, m.ticketCode, m.outOfService])).toEqual([
      [stopped, late.ticketId, false],
      [outOfService, null, true],
    ]);
    expect(flagged.map((p) => [p.title, p.missedStreak])).toEqual([
      ["Graissage", 5],
      ["Filtres", 3],
    ]);
  });

  it("flags the same plans as /planning: isFlagged over the live plans equals FLAGGED_PLAN_SQL", async () => {
    const live = await t.db.maintenancePlan.findMany({ where: { deletedAt: null, paused: false }, select: { id: true, missedStreak: true } });
    const inJs = live.filter(isFlagged).map((p) => p.id).sort((a, b) => a - b);
    const inSql = (await t.db.$queryRawUnsafe<{ id: number }[]>(`SELECT p.id FROM maintenance_plans p WHERE ${FLAGGED_PLAN_SQL} ORDER BY p.id`)).map((p) => Number(p.id));
    expect(inJs).toHaveLength(2);
    expect(inSql).toEqual(inJs);
  });
});
