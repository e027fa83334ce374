import { beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, seedDemoData } from "../../prisma/seed.ts";
import { authenticate } from "@/lib/accounts/sign-in";
import { median } from "@/lib/reliability/figures";
import { parsePeriod } from "@/lib/reliability/period";
import { loadReliability } from "@/lib/reliability/queries";
import { ticketPriorities, TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { builtInColumns, builtInKeys, isClosedStage } from "@/lib/tickets/columns";
import { listOverdueTickets } from "@/lib/tickets/queries";
import { getPlanning } from "@/lib/plans/queries";
import { firstOccurrenceFrom } from "@/lib/plans/recurrence";
import { ruleOf } from "@/lib/plans/model";
import { wallTimeToUtc } from "@/lib/factory-time";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
// A second plant, seeded at a fixed afternoon hour.
const late = freshDatabase();
const now = new Date();

beforeAll(async () => {
  await seedDemoData(t.db, { now });
});

// The three queries from the operator's deployment guide (SUPPORT & DEBUGGING), verbatim.
const guideQueries = {
  count: "SELECT COUNT(*) as total FROM webhook_notifications",
  latest:
    "SELECT wn.id, t.ticket_id, wn.sent_at, wn.response_status FROM webhook_notifications wn INNER JOIN tickets t ON wn.ticket_id = t.id ORDER BY wn.sent_at DESC LIMIT 10",
  overdue:
    "SELECT ticket_id, title, scheduled_date, status, assigned_to FROM tickets WHERE assigned_to IS NOT NULL AND scheduled_date IS NOT NULL AND scheduled_date != 'null' AND status IN ('received', 'diagnostic') AND datetime(scheduled_date) < datetime('now') ORDER BY scheduled_date ASC",
};

describe("the demo seed", () => {
  it("creates one working account per role with the README's passwords", async () => {
    expect(new Set(demoAccounts.map((a) => a.role))).toEqual(new Set(["admin", "supervisor", "technician", "operator"]));
    for (const account of demoAccounts) {
      const result = await authenticate(t.db, { email: account.email, password: account.password, ip: "127.0.0.1", now });
      expect(result, account.email).toMatchObject({ ok: true, user: { role: account.role, name: account.name } });
    }
  });

  it("fills machines and tickets across every built-in column and priority", async () => {
    expect(await t.db.machine.count()).toBeGreaterThanOrEqual(10);
    expect(await t.db.ticket.count()).toBeGreaterThanOrEqual(40);
    const statuses = await t.db.ticket.groupBy({ by: ["status"], _count: { _all: true } });
    const priorities = await t.db.ticket.groupBy({ by: ["priority"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual([...builtInKeys].sort());
    expect(priorities.map((p) => p.priority).sort()).toEqual([...ticketPriorities].sort());
  });

  it("has assigned tickets scheduled in the past (overdue) and others in the future", async () => {
    const overdue = await listOverdueTickets(t.db, { reader: { id: 1, role: "admin", visibility: "own" }, now, take: 100 });
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.some((ticket) => ticket.assignedTo === TEAM_ASSIGNEE)).toBe(true); // the whole team
    expect(await t.db.ticket.count({ where: { scheduledDate: { gt: now }, assignedTo: { not: null } } })).toBeGreaterThan(0);
  });

  it("has past machine stops for the reliability figures, none of them still open", async () => {
    const stops = await t.db.machineDowntime.findMany({ include: { ticket: { select: { status: true } }, machine: { select: { createdAt: true } } } });
    expect(stops.length).toBeGreaterThanOrEqual(4);
    for (const stop of stops) {
      expect(stop.endedAt!.getTime()).toBeGreaterThan(stop.startedAt.getTime());
      // Within the machine's life: a stop before the machine existed made /stats count failures without downtime.
      expect(stop.startedAt.getTime()).toBeGreaterThan(stop.machine.createdAt.getTime());
      expect(["completed", "archived"]).toContain(stop.ticket.status);
    }
    expect(await t.db.machine.count({ where: { downSince: { not: null } } })).toBe(0);
  });

  it("has preventive plans with work ahead in the planning, and no ticket generated yet", async () => {
    const plans = await t.db.maintenancePlan.findMany();
    expect(plans.length).toBeGreaterThanOrEqual(3);
    for (const plan of plans) expect(plan.nextDueAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
    const planning = await getPlanning(t.db, now, "America/Toronto", {});
    expect(planning.items.length).toBeGreaterThan(8);
    expect(await t.db.ticket.count({ where: { planId: { not: null } } })).toBe(0);
  });

  it("starts each plan at its next time of day, so none skips its first occurrence (seeded at 15:00, after every plan's time)", async () => {
    // 15:00 in Toronto, after the plans' 07:30, 08:00 and 09:00: the monthly compressor plan used to first fall due a month later.
    const afternoon = new Date("2026-03-02T20:00:00Z");
    await seedDemoData(late.db, { now: afternoon });
    const plans = await late.db.maintenancePlan.findMany();
    expect(plans.length).toBeGreaterThanOrEqual(3);
    for (const plan of plans) {
      expect(plan.startDate, plan.title).toBe("2026-03-03");
      expect(plan.nextDueAt, plan.title).toEqual(wallTimeToUtc(plan.startDate, plan.timeOfDay, "America/Toronto"));
      expect(plan.nextDueAt, plan.title).toEqual(firstOccurrenceFrom(ruleOf(plan), afternoon, "America/Toronto"));
    }
  });

  it("uses unique, readable ticket ids", async () => {
    const tickets = await t.db.ticket.findMany({ select: { ticketId: true } });
    expect(new Set(tickets.map((x) => x.ticketId)).size).toBe(tickets.length);
    for (const { ticketId } of tickets) expect(ticketId).toMatch(/^TKT-M\d{3}-\d{8}-\d{3}$/);
  });

  it("does nothing on a database that already has users", async () => {
    const before = await t.db.ticket.count();
    const again = await seedDemoData(t.db, { now });
    expect(again.seeded).toBe(false);
    expect(await t.db.ticket.count()).toBe(before);
    expect(await t.db.user.count()).toBe(7);
  });
});

// Every seeded ticket tells one story, as the app would have written it: a newcomer's
// first look at a ticket page, its timeline or /stats must not contradict itself.
describe("the demo seed's tickets", () => {
  const closed = (status: string) => isClosedStage(builtInColumns.find((column) => column.key === status)?.stage ?? null);
  const seeded = () =>
    t.db.ticket.findMany({
      include: { events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, comments: true },
      orderBy: { id: "asc" },
    });
  /** When the ticket was first moved to Terminé or Archivé. */
  const closedAt = (ticket: Awaited<ReturnType<typeof seeded>>[number]) =>
    ticket.events.find((e) => e.type === "status" && closed(e.toValue ?? ""))?.createdAt;

  it("move from Reçu to their status one step at a time, and a completed one was completed at its last move", async () => {
    for (const ticket of await seeded()) {
      const where = `${ticket.ticketId} (${ticket.status})`;
      let status = "received";
      for (const move of ticket.events.filter((e) => e.type === "status")) {
        expect(move.fromValue, where).toBe(status);
        status = move.toValue!;
      }
      expect(status, where).toBe(ticket.status);
      for (const event of ticket.events) {
        expect(event.createdAt.getTime(), where).toBeGreaterThanOrEqual(ticket.createdAt.getTime());
        expect(event.createdAt.getTime(), where).toBeLessThanOrEqual(now.getTime());
      }
      const last = ticket.events.at(-1)!;
      if (ticket.status === "completed") {
        // "Terminé le" is the move to Terminé, and nothing happened after it.
        expect(ticket.completedAt, where).toEqual(last.createdAt);
        expect(last, where).toMatchObject({ type: "status", toValue: "completed" });
      } else {
        // Archiving clears completed_at, as the app's move does (lib/tickets/operations.ts).
        expect(ticket.completedAt, where).toBeNull();
      }
      if (ticket.status === "archived") expect(last, where).toMatchObject({ type: "status", fromValue: "completed", toValue: "archived" });
    }
  });

  it("have no comment written after they were closed", async () => {
    for (const ticket of await seeded()) {
      const at = closedAt(ticket);
      if (!at) continue;
      for (const comment of ticket.comments) expect(comment.createdAt.getTime(), ticket.ticketId).toBeLessThanOrEqual(at.getTime());
      for (const event of ticket.events.filter((e) => e.type === "comment")) expect(event.createdAt.getTime(), ticket.ticketId).toBeLessThanOrEqual(at.getTime());
    }
  });

  it("were never scheduled after they were closed", async () => {
    for (const ticket of await seeded()) {
      const at = closedAt(ticket);
      if (at && ticket.scheduledDate) expect(ticket.scheduledDate.getTime(), ticket.ticketId).toBeLessThanOrEqual(at.getTime());
    }
  });

  it("take hours to days to close on /stats, not one fixed delay", async () => {
    const report = await loadReliability(t.db, { id: 1, role: "admin" }, parsePeriod({}, now, "America/Toronto"), now);
    const closings = report!.technicians;
    expect(closings.reduce((sum, person) => sum + person.closed, 0)).toBeGreaterThanOrEqual(10);
    const medians = closings.map((person) => person.medianHoursToClose!);
    expect(new Set(medians).size, medians.join(", ")).toBeGreaterThan(1);
    const plant = median(medians)!;
    expect(plant).toBeGreaterThan(6);
    expect(plant).toBeLessThan(7 * 24);
  });
});

describe("the operator's monitoring SQL", () => {
  it("runs unchanged and agrees with the app's own overdue list", async () => {
    const count = await t.d1.prepare(guideQueries.count).first<{ total: number }>();
    expect(count).toEqual({ total: 0 });

    const ticket = await t.db.ticket.findFirstOrThrow({ select: { id: true } });
    await t.db.webhookNotification.create({
      data: {
        ticketId: ticket.id,
        webhookUrl: "https://connect.pabbly.com/workflow/sendwebhookdata/test",
        webhookId: "msg_test_1",
        deliveryStatus: "sent",
        sentAt: new Date(),
        responseStatus: 200,
      },
    });
    const latest = await t.d1.prepare(guideQueries.latest).all<{ ticket_id: string; response_status: number }>();
    expect(latest.results).toHaveLength(1);
    expect(latest.results[0]).toMatchObject({ response_status: 200 });

    const overdue = await t.d1.prepare(guideQueries.overdue).all<{ ticket_id: string }>();
    const fromApp = await listOverdueTickets(t.db, { reader: { id: 1, role: "admin", visibility: "own" }, now: new Date(), take: 1000 });
    expect(overdue.results.map((r) => r.ticket_id).sort()).toEqual(fromApp.map((r) => r.ticketId).sort());
    expect(overdue.results.length).toBeGreaterThan(0);
  });
});
