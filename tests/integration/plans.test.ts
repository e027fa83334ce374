// Preventive plans on a real local D1: each occurrence becomes one ticket,
// whatever runs overlap; leads' changes to a plan never touch its tickets; the
// checklist's ticks are recorded with their event; refusals write nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { notificationLine } from "@/components/notifications/notification-line";
import { runPlans } from "@/cron";
import { messagesFor } from "@/lib/i18n";
import { listNotifications } from "@/lib/notifications/queries";
import type { Db } from "@/lib/db/client";
import { FLAG_AFTER_MISSED } from "@/lib/plans/model";
import * as plans from "@/lib/plans/operations";
import { checkChecklistStep } from "@/lib/tickets/checklist";
import { moveTicket } from "@/lib/tickets/operations";
import { createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { planForm } from "./helpers/plans";
import { direct, refusal } from "./helpers/refusal";

const t = freshDatabase();
let cast: Cast;
let machineId: number;
const quiet = () => {};
const noDispatch = async () => {};

beforeAll(async () => {
  cast = await createCast(t.db, "plans");
  machineId = (await createMachineRow(t.db, "Compresseur")).id;
});

// Monday 2 March 2026, 07:00 in Toronto (EST): a daily plan at 08:00 from that day.
const created = new Date("2026-03-02T12:00:00Z");
const firstDue = new Date("2026-03-02T13:00:00Z");

const planFields = (extra: Record<string, unknown> = {}) => planForm(machineId, extra);

const createPlan = (extra: Record<string, unknown> = {}, now = created) =>
  direct(plans.createPlan)(t.db, cast.supervisor, planFields(extra), { now });

async function ticketsOf(db: Db, planId: number) {
  return db.ticket.findMany({ where: { planId }, orderBy: { id: "asc" }, include: { checklist: { orderBy: { position: "asc" } }, events: true } });
}

async function snapshotTickets(db: Db, planId: number) {
  return JSON.stringify(await ticketsOf(db, planId));
}

describe("a plan's tickets", () => {
  it("are created once per occurrence under 5 overlapping cron runs, scheduled at the due time", async () => {
    const plan = await createPlan();
    expect((await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: plan.id } })).nextDueAt).toEqual(firstDue);
    // Before its creation time, nothing.
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-02T12:55:00Z"), noDispatch, quiet);
    expect(await ticketsOf(t.db, plan.id)).toHaveLength(0);

    const runs = await Promise.all(Array.from({ length: 5 }, () => runPlans(t.db, "*/5 * * * *", new Date("2026-03-02T13:00:00Z"), noDispatch, quiet)));
    expect(runs.every((run) => run.outcome === "success")).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);
    const [ticket, ...others] = await ticketsOf(t.db, plan.id);
    expect(others).toHaveLength(0);
    expect(ticket).toMatchObject({
      title: "Graissage quotidien",
      status: "received",
      priority: "high",
      assignedTo: 0,
      scheduledDate: firstDue,
      planDueAt: firstDue,
      machineId,
      reportedBy: cast.supervisor.id,
    });
    expect(ticket!.checklist.map((s) => s.label)).toEqual(["Vérifier le niveau d’huile", "Graisser les paliers"]);
    expect(ticket!.events.map((e) => [e.type, e.toValue, e.actorId])).toEqual([["plan_created", "Graissage quotidien", null]]);
    // The plan moved on to the next day, same factory time (EST: 13:00 UTC).
    expect((await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: plan.id } })).nextDueAt).toEqual(new Date("2026-03-03T13:00:00Z"));
    // The runs are recorded as their own job.
    expect(await t.db.cronRun.count({ where: { job: "preventive-plans", outcome: "success" } })).toBeGreaterThanOrEqual(6);
  });

  it("are created lead days before they are due, and tell their assignee", async () => {
    const plan = await createPlan({ title: "Inspection hebdo", recurrence: "weeks", startDate: "2026-03-09", leadDays: "2", assignee: String(cast.technician.id) });
    // Due Monday 9 March 08:00 EDT (12:00 UTC); created from Saturday 7 March 08:00 EST.
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-07T12:59:00Z"), noDispatch, quiet);
    expect(await ticketsOf(t.db, plan.id)).toHaveLength(0);
    const told: number[] = [];
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-07T13:00:00Z"), async (rows) => void told.push(...rows.map((r) => r.recipientId)), quiet);
    const [ticket] = await ticketsOf(t.db, plan.id);
    expect(ticket).toMatchObject({ scheduledDate: new Date("2026-03-09T12:00:00Z"), assignedTo: cast.technician.id });
    const notified = await t.db.notification.findMany({ where: { ticketId: ticket!.id } });
    expect(notified.map((n) => [n.kind, n.recipientId, n.actorId])).toEqual([["assigned", cast.technician.id, null]]);
    expect(told).toContain(cast.technician.id);
    // Nobody assigned it: the line says it is planned work, not "Quelqu'un vous a assigné".
    const { items } = await listNotifications(t.db, cast.technician.id, 1);
    const line = notificationLine(items.find((n) => n.ticketCode === ticket!.ticketId)!, messagesFor("fr"), "fr");
    expect(line).toBe(`Entretien planifié qui vous est assigné : ${ticket!.ticketId} — Inspection hebdo`);
  });

  it("wait for the last one's completion on an after-completion plan", async () => {
    const plan = await createPlan({ title: "Vidange", recurrence: "after_completion", interval: "10", startDate: "2026-03-02" });
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-02T13:00:00Z"), noDispatch, quiet);
    const [first] = await ticketsOf(t.db, plan.id);
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-20T13:00:00Z"), noDispatch, quiet);
    expect(await ticketsOf(t.db, plan.id)).toHaveLength(1);
    // Completed on 5 March: the next is due 10 days later, 15 March 08:00 EDT.
    await direct(moveTicket)(t.db, cast.technician, { id: first!.id, from: "received", to: "completed" }, { now: new Date("2026-03-05T15:00:00Z") });
    await Promise.all(Array.from({ length: 5 }, () => runPlans(t.db, "*/5 * * * *", new Date("2026-03-20T13:05:00Z"), noDispatch, quiet)));
    const all = await ticketsOf(t.db, plan.id);
    expect(all).toHaveLength(2);
    expect(all[1]!.planDueAt).toEqual(new Date("2026-03-15T12:00:00Z"));
  });

  it("count an archived last ticket as completed on an after-completion plan (archiving clears completed_at)", async () => {
    const plan = await createPlan({ title: "Filtres", recurrence: "after_completion", interval: "10", startDate: "2026-03-02" });
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-02T13:00:00Z"), noDispatch, quiet);
    const [first] = await ticketsOf(t.db, plan.id);
    // Archived straight away on 5 March, never "Terminé": the next is due 10 days later, 15 March 08:00 EDT.
    await direct(moveTicket)(t.db, cast.supervisor, { id: first!.id, from: "received", to: "archived" }, { now: new Date("2026-03-05T15:00:00Z") });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: first!.id } })).completedAt).toBeNull();
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-20T13:05:00Z"), noDispatch, quiet);
    const all = await ticketsOf(t.db, plan.id);
    expect(all).toHaveLength(2);
    expect(all[1]!.planDueAt).toEqual(new Date("2026-03-15T12:00:00Z"));
  });
});

describe("a plan's ticket and its records", () => {
  it("are written together: when the timeline event fails, no ticket, no checklist, and the occurrence stays due", async () => {
    const plan = await createPlan({ title: "Atomique" });
    await t.d1.exec("CREATE TRIGGER fail_plan_events BEFORE INSERT ON ticket_events BEGIN SELECT RAISE(ABORT, 'boom'); END");
    try {
      const run = await runPlans(t.db, "*/5 * * * *", new Date("2026-03-02T13:00:00Z"), noDispatch, quiet);
      expect(run.outcome).toBe("error");
    } finally {
      await t.d1.exec("DROP TRIGGER fail_plan_events");
    }
    expect(await ticketsOf(t.db, plan.id)).toHaveLength(0);
    expect((await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: plan.id } })).nextDueAt).toEqual(firstDue);
    // The next run creates it.
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-02T13:05:00Z"), noDispatch, quiet);
    expect(await ticketsOf(t.db, plan.id)).toHaveLength(1);
  });
});

describe("leads' changes to a plan", () => {
  it("pausing, editing and deleting leave the tickets already created untouched", async () => {
    const plan = await createPlan({ title: "Nettoyage filtres" });
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-02T13:00:00Z"), noDispatch, quiet);
    const before = await snapshotTickets(t.db, plan.id);
    expect(JSON.parse(before)).toHaveLength(1);

    const later = { now: new Date("2026-03-02T14:00:00Z") };
    await direct(plans.setPlanPaused)(t.db, cast.admin, { id: plan.id, paused: "1" }, later);
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-03T13:00:00Z"), noDispatch, quiet);
    expect(await snapshotTickets(t.db, plan.id)).toBe(before);

    const { machineId: _m, ...fields } = planFields({ title: "Filtres (modifié)", steps: "Une seule étape", priority: "low", assignee: String(cast.supervisor.id) });
    await direct(plans.updatePlan)(t.db, cast.supervisor, { ...fields, id: plan.id }, later);
    expect(await snapshotTickets(t.db, plan.id)).toBe(before);

    // Resumed on 4 March at noon: the days missed while paused are not made up for.
    await direct(plans.setPlanPaused)(t.db, cast.admin, { id: plan.id, paused: "0" }, { now: new Date("2026-03-04T17:00:00Z") });
    expect((await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: plan.id } })).nextDueAt).toEqual(new Date("2026-03-05T13:00:00Z"));

    await direct(plans.deletePlan)(t.db, cast.supervisor, { id: plan.id }, later);
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-06T13:00:00Z"), noDispatch, quiet);
    expect(await snapshotTickets(t.db, plan.id)).toBe(before);
  });

  it("a machine deleted without tickets takes its plans with it", async () => {
    const { deleteMachine } = await import("@/lib/machines/operations");
    const spare = await createMachineRow(t.db, "Perceuse");
    await createPlan({ machineId: spare.id, title: "Jamais généré" });
    await direct(deleteMachine)(t.db, cast.admin, { id: spare.id });
    expect(await t.db.maintenancePlan.count({ where: { machineId: spare.id } })).toBe(0);
    expect(await t.db.machine.count({ where: { id: spare.id } })).toBe(0);
  });

  it("are refused to technicians and operators", async () => {
    for (const role of ["technician", "operator"] as const) {
      expect((await refusal(direct(plans.createPlan)(t.db, cast[role], planFields()))).code).toBe("forbidden");
    }
  });

  it("refuse a plan that never fires, a lead time past the interval, a step too long, missing fields: nothing written", async () => {
    const count = await t.db.maintenancePlan.count();
    const field = async (extra: Record<string, unknown>) => (await refusal(createPlan(extra))).fields;
    expect(await field({ interval: "0" })).toEqual({ interval: "intervalNeverFires" });
    expect(await field({ interval: "-3" })).toEqual({ interval: "intervalNeverFires" });
    expect(await field({ recurrence: "weeks", interval: "1", leadDays: "8" })).toEqual({ leadDays: "leadTooLong" });
    expect(await field({ steps: `Courte\n${"x".repeat(501)}` })).toEqual({ steps: "stepTooLong" });
    expect(await field({ steps: "\n  \n" })).toEqual({ steps: "stepsRequired" });
    expect(await field({ startDate: "2026-02-30" })).toEqual({ startDate: "dateInvalid" });
    expect(await field({ assignee: String(cast.operator.id) })).toEqual({ assignee: "assigneeInvalid" });
    expect((await refusal(createPlan({ title: "", interval: "" }))).code).toBe("invalid");
    expect(await t.db.maintenancePlan.count()).toBe(count);
  });

  it("bound the first due date like a ticket's date: 1900-01-01 and 2999-12-31 are refused in words, nothing written", async () => {
    const count = await t.db.maintenancePlan.count();
    const worded = async (extra: Record<string, unknown>) => {
      const { perform } = await import("@/lib/operation");
      const { messagesFor } = await import("@/lib/i18n");
      return perform(plans.createPlan, planFields(extra), { db: t.db, user: cast.supervisor, t: messagesFor("fr"), locale: "fr", now: created });
    };
    expect(await worded({ startDate: "1900-01-01" })).toMatchObject({ ok: false, fieldErrors: { startDate: "La date doit être le lundi 2 mars 2026 ou après." } });
    expect(await worded({ startDate: "2999-12-31" })).toMatchObject({
      ok: false,
      fieldErrors: { startDate: "La date doit être au plus tard le dimanche 2 mars 2031 (5 ans à partir d’aujourd’hui)." },
    });
    // An edit that moves the first due date is bounded the same way.
    const plan = await createPlan({ title: "Bornes" });
    const edit = (extra: Record<string, unknown>) => direct(plans.updatePlan)(t.db, cast.supervisor, { ...planFields(extra), id: plan.id }, { now: created });
    expect((await refusal(edit({ startDate: "1900-01-01" }))).fields).toEqual({ startDate: "dateTooEarly" });
    expect((await refusal(edit({ startDate: "2999-12-31" }))).fields).toEqual({ startDate: "dateTooLate" });
    expect(await t.db.maintenancePlan.count()).toBe(count + 1);
    expect((await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: plan.id } })).startDate).toBe("2026-03-02");
  });

  it("start today at 08:00 when 08:00 has not passed on the factory's clock, and refuse it in words once it has, instead of silently starting later", async () => {
    // 07:00 in Toronto: the first ticket is due today at 08:00, for a daily plan and a monthly one alike.
    for (const recurrence of ["days", "months"]) {
      const plan = await createPlan({ title: `Aujourd’hui ${recurrence}`, recurrence });
      expect((await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: plan.id } })).nextDueAt).toEqual(firstDue);
    }
    // 15:00 in Toronto: 08:00 today has passed. The monthly plan used to start next month without a word.
    const afternoon = new Date("2026-03-02T20:00:00Z");
    const count = await t.db.maintenancePlan.count();
    const { perform } = await import("@/lib/operation");
    const { messagesFor } = await import("@/lib/i18n");
    const late = await perform(plans.createPlan, planFields({ recurrence: "months" }), { db: t.db, user: cast.supervisor, t: messagesFor("fr"), locale: "fr", now: afternoon });
    expect(late).toMatchObject({
      ok: false,
      fieldErrors: { timeOfDay: "Cette heure est déjà passée aujourd’hui : choisissez une heure à venir, ou une première échéance à partir de demain." },
    });
    // A past day is refused too; later today, or tomorrow, is taken as said.
    expect((await refusal(createPlan({ startDate: "2026-03-01" }, afternoon))).fields).toEqual({ startDate: "dateTooEarly" });
    expect(await t.db.maintenancePlan.count()).toBe(count);
    const evening = await createPlan({ title: "Ce soir", recurrence: "months", timeOfDay: "18:00" }, afternoon);
    expect((await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: evening.id } })).nextDueAt).toEqual(new Date("2026-03-02T23:00:00Z"));
    const tomorrow = await createPlan({ title: "Demain", recurrence: "months", startDate: "2026-03-03" }, afternoon);
    expect((await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: tomorrow.id } })).nextDueAt).toEqual(new Date("2026-03-03T13:00:00Z"));
    // An edit that keeps a plan's first due date, long past, is not refused for it.
    const kept = await direct(plans.updatePlan)(t.db, cast.supervisor, { ...planFields({ title: "Renommé", startDate: "2026-03-03", timeOfDay: "09:00" }), id: tomorrow.id }, { now: new Date("2026-05-20T12:00:00Z") });
    expect(kept.id).toBe(tomorrow.id);
  });

  it("word a refusal for the form, in the user's language", async () => {
    const { perform } = await import("@/lib/operation");
    const { messagesFor } = await import("@/lib/i18n");
    const result = await perform(plans.createPlan, planFields({ steps: `Courte\n${"x".repeat(501)}` }), {
      db: t.db,
      user: cast.supervisor,
      t: messagesFor("en"),
      locale: "en",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { steps: "Step 2 is longer than 500 characters: shorten it or split it over two lines." } });
  });
});

describe("a plan whose tickets are never started", () => {
  it(`is flagged after ${FLAG_AFTER_MISSED} in a row, and no longer once one is started`, async () => {
    const plan = await createPlan({ title: "Contrôle courroies" });
    const streak = async () => (await t.db.maintenancePlan.findUniqueOrThrow({ where: { id: plan.id } })).missedStreak;
    for (let day = 2; day <= 5; day++) await runPlans(t.db, "*/5 * * * *", new Date(`2026-03-0${day}T13:00:00Z`), noDispatch, quiet);
    expect(await streak()).toBe(3);
    const last = (await ticketsOf(t.db, plan.id)).at(-1)!;
    await direct(moveTicket)(t.db, cast.technician, { id: last.id, from: "received", to: "in_progress" });
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-06T13:00:00Z"), noDispatch, quiet);
    expect(await streak()).toBe(0);
  });
});

describe("a ticket's checklist", () => {
  it("records who ticked a step and when, with its timeline event; unticking too", async () => {
    const plan = await createPlan({ title: "Checklist" });
    await runPlans(t.db, "*/5 * * * *", new Date("2026-03-02T13:00:00Z"), noDispatch, quiet);
    const [ticket] = await ticketsOf(t.db, plan.id);
    const step = ticket!.checklist[1]!;
    const at = new Date("2026-03-02T15:00:00Z");
    await direct(checkChecklistStep)(t.db, cast.technician, { id: step.id, done: "1" }, { now: at });
    expect(await t.db.ticketChecklistItem.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({ doneAt: at, doneBy: cast.technician.id });
    // Ticking it again changes nothing and records nothing.
    await direct(checkChecklistStep)(t.db, cast.supervisor, { id: step.id, done: "1" });
    await direct(checkChecklistStep)(t.db, cast.supervisor, { id: step.id, done: "0" }, { now: at });
    const events = await t.db.ticketEvent.findMany({ where: { ticketId: ticket!.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorId, e.toValue])).toEqual([
      ["plan_created", null, "Checklist"],
      ["checklist_checked", cast.technician.id, "Graisser les paliers"],
      ["checklist_unchecked", cast.supervisor.id, "Graisser les paliers"],
    ]);
    expect(await t.db.ticketChecklistItem.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({ doneAt: null, doneBy: null });
  });

  it("is refused to operators, and writes nothing", async () => {
    const step = await t.db.ticketChecklistItem.findFirstOrThrow();
    const events = await t.db.ticketEvent.count();
    expect((await refusal(direct(checkChecklistStep)(t.db, cast.operator, { id: step.id, done: "1" }))).code).toBe("forbidden");
    expect((await refusal(direct(checkChecklistStep)(t.db, cast.technician, { id: 999_999, done: "1" }))).code).toBe("notFound");
    expect(await t.db.ticketEvent.count()).toBe(events);
  });
});
