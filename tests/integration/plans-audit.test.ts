// Leads' changes to preventive plans are audited like machines are: each change
// and its audit entry are written in one D1 batch, a change that touches no row
// (deleted or paused meanwhile, already so, refused) writes no entry, and the
// audit log page words every entry in the reader's language, never as codes.
import { beforeAll, describe, expect, it } from "vitest";
import { actionLabel, changedValues, entityLabel } from "@/components/admin/audit-labels";
import { createDb, type Db } from "@/lib/db/client";
import { formatDateTime, formatDay } from "@/lib/format";
import { locales, messagesFor } from "@/lib/i18n";
import * as plans from "@/lib/plans/operations";
import { recurrences } from "@/lib/plans/recurrence";
import { ticketPriorities } from "@/lib/tickets/model";
import { createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { planForm } from "./helpers/plans";
import { direct, refusal } from "./helpers/refusal";

const t = freshDatabase();
let cast: Cast;
let machineId: number;

beforeAll(async () => {
  cast = await createCast(t.db, "audit");
  machineId = (await createMachineRow(t.db, "Compresseur")).id;
});

// Monday 2 March 2026, 07:00 in Toronto (EST): a daily plan at 08:00 from that day.
const created = new Date("2026-03-02T12:00:00Z");
const firstDue = new Date("2026-03-02T13:00:00Z");
const later = new Date("2026-03-02T14:00:00Z");

const planFields = (extra: Record<string, unknown> = {}) => planForm(machineId, extra);

const editFields = (extra: Record<string, unknown> = {}) => {
  const { machineId: _m, ...fields } = planFields(extra);
  return fields;
};

const createPlan = (extra: Record<string, unknown> = {}, db: Db = t.db) => direct(plans.createPlan)(db, cast.supervisor, planFields(extra), { now: created });

const entriesOf = (planId: number) => t.db.auditLog.findMany({ where: { entityType: "plan", entityId: String(planId) }, orderBy: { id: "asc" } });
const json = (text: string | null) => (text === null ? null : JSON.parse(text));
const planRow = (planId: number) => t.db.maintenancePlan.findUniqueOrThrow({ where: { id: planId } });

/** The plan as the audit log records it, from the test's defaults. */
function recorded(extra: Record<string, unknown> = {}) {
  return {
    title: "Graissage quotidien",
    machine: `Compresseur X1 #${machineId}`,
    assignee: 0,
    priority: "high",
    recurrence: "days",
    interval: 1,
    startDate: "2026-03-02",
    timeOfDay: "08:00",
    leadDays: 0,
    steps: ["Vérifier le niveau d’huile", "Graisser les paliers"],
    paused: false,
    nextDueAt: firstDue.toISOString(),
    ...extra,
  };
}

/**
 * A client on the same database whose next batch is preceded by `meanwhile`:
 * another request's write landing between this operation's read and its write.
 */
function racedBy(meanwhile: string, ...values: unknown[]): Db {
  let pending = true;
  const d1 = new Proxy(t.d1, {
    get(target, property) {
      if (property === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          if (pending) {
            pending = false;
            await target.prepare(meanwhile).bind(...values).run();
          }
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return createDb(d1);
}

describe("each change to a plan", () => {
  it("writes exactly one audit entry with its actor and the plan before and after, in the same batch", async () => {
    const plan = await createPlan();
    let entries = await entriesOf(plan.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "plan.created", actorId: cast.supervisor.id, entityType: "plan", entityId: String(plan.id), before: null });
    expect(entries[0]!.createdAt).toEqual(created);
    expect(json(entries[0]!.after)).toEqual(recorded());
    // The row as Prisma reads it back: dates, flags and the checklist as the Prisma writes used to leave them.
    expect(await planRow(plan.id)).toMatchObject({
      machineId,
      title: "Graissage quotidien",
      steps: JSON.stringify(["Vérifier le niveau d’huile", "Graisser les paliers"]),
      assignedTo: 0,
      priority: "high",
      interval: 1,
      leadDays: 0,
      nextDueAt: firstDue,
      paused: false,
      createdBy: cast.supervisor.id,
      createdAt: created,
      updatedAt: created,
      deletedAt: null,
    });

    // Edited by an admin: a person assigned (recorded by name), the rule changed, so the next due date moves.
    await direct(plans.updatePlan)(
      t.db,
      cast.admin,
      { ...editFields({ title: "Graissage hebdo", recurrence: "weeks", interval: "2", priority: "low", assignee: String(cast.technician.id), leadDays: "3" }), id: plan.id },
      { now: later },
    );
    entries = await entriesOf(plan.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["plan.created", cast.supervisor.id],
      ["plan.updated", cast.admin.id],
    ]);
    const movedTo = (await planRow(plan.id)).nextDueAt!;
    expect(movedTo).toEqual(new Date("2026-03-16T12:00:00Z"));
    expect(json(entries[1]!.before)).toEqual(recorded());
    expect(json(entries[1]!.after)).toEqual(
      recorded({ title: "Graissage hebdo", recurrence: "weeks", interval: 2, priority: "low", assignee: "technician audit", leadDays: 3, nextDueAt: movedTo.toISOString() }),
    );
    expect((await planRow(plan.id)).updatedAt).toEqual(later);

    const edited = recorded({ title: "Graissage hebdo", recurrence: "weeks", interval: 2, priority: "low", assignee: "technician audit", leadDays: 3, nextDueAt: movedTo.toISOString() });
    await direct(plans.setPlanPaused)(t.db, cast.supervisor, { id: plan.id, paused: "1" }, { now: later });
    await direct(plans.setPlanPaused)(t.db, cast.supervisor, { id: plan.id, paused: "0" }, { now: new Date("2026-03-20T17:00:00Z") });
    await direct(plans.deletePlan)(t.db, cast.admin, { id: plan.id }, { now: new Date("2026-03-21T12:00:00Z") });
    entries = await entriesOf(plan.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["plan.created", cast.supervisor.id],
      ["plan.updated", cast.admin.id],
      ["plan.paused", cast.supervisor.id],
      ["plan.resumed", cast.supervisor.id],
      ["plan.deleted", cast.admin.id],
    ]);
    expect([json(entries[2]!.before), json(entries[2]!.after)]).toEqual([edited, { ...edited, paused: true }]);
    // Resumed on 20 March: the next occurrence from then, every other Monday from 2 March (30 March 08:00 EDT).
    const resumedDue = new Date("2026-03-30T12:00:00Z").toISOString();
    expect([json(entries[3]!.before), json(entries[3]!.after)]).toEqual([{ ...edited, paused: true }, { ...edited, nextDueAt: resumedDue }]);
    expect([json(entries[4]!.before), json(entries[4]!.after)]).toEqual([{ ...edited, nextDueAt: resumedDue }, null]);
    expect(await planRow(plan.id)).toMatchObject({ deletedAt: new Date("2026-03-21T12:00:00Z"), updatedAt: new Date("2026-03-21T12:00:00Z") });
  });
});

describe("a change to a plan that is refused or changes nothing", () => {
  const snapshot = async () => JSON.stringify([await t.db.maintenancePlan.findMany({ orderBy: { id: "asc" } }), await t.db.auditLog.findMany({ orderBy: { id: "asc" } })]);

  it("writes no entry: bad input, pausing a paused plan, a deleted plan, another role", async () => {
    const plan = await createPlan({ title: "Refus" });
    await direct(plans.setPlanPaused)(t.db, cast.supervisor, { id: plan.id, paused: "1" }, { now: later });
    const before = await snapshot();

    expect((await refusal(createPlan({ interval: "0" }))).fields).toEqual({ interval: "intervalNeverFires" });
    expect((await refusal(createPlan({ machineId: 999_999 }))).fields).toEqual({ machineId: "machineMissing" });
    expect((await refusal(direct(plans.updatePlan)(t.db, cast.supervisor, { ...editFields({ leadDays: "5" }), id: plan.id }))).fields).toEqual({
      leadDays: "leadTooLong",
    });
    expect((await refusal(direct(plans.createPlan)(t.db, cast.technician, planFields()))).code).toBe("forbidden");
    // Already paused: nothing to do, nothing recorded.
    await direct(plans.setPlanPaused)(t.db, cast.supervisor, { id: plan.id, paused: "1" }, { now: new Date("2026-03-03T12:00:00Z") });
    expect(await snapshot()).toBe(before);

    await direct(plans.deletePlan)(t.db, cast.supervisor, { id: plan.id }, { now: later });
    const deleted = await snapshot();
    expect((await refusal(direct(plans.deletePlan)(t.db, cast.supervisor, { id: plan.id }))).code).toBe("notFound");
    expect((await refusal(direct(plans.updatePlan)(t.db, cast.supervisor, { ...editFields(), id: plan.id }))).code).toBe("notFound");
    expect((await refusal(direct(plans.setPlanPaused)(t.db, cast.supervisor, { id: plan.id, paused: "0" }))).code).toBe("notFound");
    expect(await snapshot()).toBe(deleted);
  });

  it("writes no entry when the plan was deleted, paused or its machine removed meanwhile", async () => {
    const plan = await createPlan({ title: "Course" });
    const before = await snapshot();
    const deletedMeanwhile = () => racedBy("UPDATE maintenance_plans SET deleted_at = updated_at WHERE id = ?", plan.id);
    const pausedMeanwhile = () => racedBy("UPDATE maintenance_plans SET paused = 1 WHERE id = ?", plan.id);
    // Each race's own write is undone after it: only the refused operation's effect is looked at.
    const undo = () => t.d1.prepare("UPDATE maintenance_plans SET deleted_at = NULL, paused = 0 WHERE id = ?").bind(plan.id).run();
    const at = { now: later };
    const race = async (attempt: () => Promise<unknown>) => {
      const { code } = await refusal(attempt());
      await undo();
      return code;
    };
    expect(await race(() => direct(plans.updatePlan)(deletedMeanwhile(), cast.supervisor, { ...editFields({ title: "Trop tard" }), id: plan.id }, at))).toBe("notFound");
    expect(await race(() => direct(plans.deletePlan)(deletedMeanwhile(), cast.supervisor, { id: plan.id }, at))).toBe("notFound");
    expect(await race(() => direct(plans.setPlanPaused)(deletedMeanwhile(), cast.supervisor, { id: plan.id, paused: "1" }, at))).toBe("conflict");
    expect(await race(() => direct(plans.setPlanPaused)(pausedMeanwhile(), cast.supervisor, { id: plan.id, paused: "1" }, at))).toBe("conflict");
    expect(await snapshot()).toBe(before);

    const spare = await createMachineRow(t.db, "Perceuse");
    const beforeMachine = await snapshot();
    const machineGone = racedBy("DELETE FROM machines WHERE id = ?", spare.id);
    expect((await refusal(createPlan({ machineId: spare.id }, machineGone))).fields).toEqual({ machineId: "machineMissing" });
    expect(await snapshot()).toBe(beforeMachine);
  });

  it("keeps the plan unchanged when its audit entry cannot be written", async () => {
    const plan = await createPlan({ title: "Atomique" });
    const before = await snapshot();
    await t.d1.exec("CREATE TRIGGER fail_plan_audit BEFORE INSERT ON audit_logs BEGIN SELECT RAISE(ABORT, 'boom'); END");
    try {
      await expect(direct(plans.updatePlan)(t.db, cast.supervisor, { ...editFields({ title: "Jamais écrit" }), id: plan.id }, { now: later })).rejects.toThrow();
      await expect(direct(plans.setPlanPaused)(t.db, cast.supervisor, { id: plan.id, paused: "1" }, { now: later })).rejects.toThrow();
      await expect(direct(plans.deletePlan)(t.db, cast.supervisor, { id: plan.id }, { now: later })).rejects.toThrow();
      await expect(createPlan({ title: "Jamais créé" })).rejects.toThrow();
    } finally {
      await t.d1.exec("DROP TRIGGER fail_plan_audit");
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("a plan's audit entries on the audit log page", () => {
  // What a person must never read in the log: the stored codes.
  const codes = new Set<string>([...ticketPriorities, ...recurrences, "team", "0", "true", "false", "null"]);

  for (const locale of locales) {
    it(`are worded in ${locale}, never as codes`, async () => {
      const plan = await createPlan({ title: `Mots ${locale}`, assignee: String(cast.technician.id) });
      await direct(plans.updatePlan)(t.db, cast.supervisor, { ...editFields({ title: `Mots ${locale}`, recurrence: "after_completion", interval: "10", priority: "critical", steps: "Une étape" }), id: plan.id }, { now: later });
      await direct(plans.setPlanPaused)(t.db, cast.supervisor, { id: plan.id, paused: "1" }, { now: later });
      await direct(plans.setPlanPaused)(t.db, cast.supervisor, { id: plan.id, paused: "0" }, { now: later });
      await direct(plans.deletePlan)(t.db, cast.supervisor, { id: plan.id }, { now: later });
      const m = messagesFor(locale);
      const rows = await entriesOf(plan.id);
      expect(rows.map((r) => r.action)).toEqual(["plan.created", "plan.updated", "plan.paused", "plan.resumed", "plan.deleted"]);
      for (const row of rows) {
        expect(actionLabel(row.action, m)).not.toBe(row.action);
        expect(actionLabel(row.action, m)).not.toMatch(/plan[._]/);
        expect(entityLabel(row.entityType, row.entityId, m)).not.toMatch(/^plan /);
        const changes = changedValues(row.before, row.after, m, locale, "America/Toronto");
        expect(changes.length).toBeGreaterThan(0);
        for (const change of changes) {
          expect(change.label, `${row.action}: ${change.key}`).not.toBe(change.key);
          for (const text of [change.before, change.after]) {
            expect(codes.has(text), `${row.action}: ${change.key} shows ${text}`).toBe(false);
            expect(text, `${row.action}: ${change.key}`).not.toMatch(/^[[{]|_|^\d{4}-\d{2}-\d{2}/);
          }
        }
      }
    });
  }

  it("say each field as the lead set it", async () => {
    const plan = await createPlan({ title: "Lisible" });
    await direct(plans.updatePlan)(
      t.db,
      cast.supervisor,
      { ...editFields({ title: "Lisible", recurrence: "weeks", interval: "2", assignee: String(cast.technician.id), priority: "low", leadDays: "3" }), id: plan.id },
      { now: later },
    );
    const [createdEntry, updated] = await entriesOf(plan.id);
    const fr = messagesFor("fr");
    const en = messagesFor("en");
    expect(actionLabel(createdEntry!.action, fr)).toBe("Plan d’entretien créé");
    expect(entityLabel("plan", String(plan.id), fr)).toBe(`Plan d’entretien #${plan.id}`);
    expect(changedValues(createdEntry!.before, createdEntry!.after, fr, "fr", "America/Toronto")).toEqual([
      { key: "title", label: "Titre", before: "—", after: "Lisible" },
      { key: "machine", label: "Machine", before: "—", after: `Compresseur X1 #${machineId}` },
      { key: "assignee", label: "Assigné à", before: "—", after: "Toute l’équipe" },
      { key: "priority", label: "Priorité", before: "—", after: "Haute" },
      { key: "recurrence", label: "Récurrence", before: "—", after: "En jours" },
      { key: "interval", label: "Intervalle", before: "—", after: "1" },
      { key: "startDate", label: "Première échéance", before: "—", after: formatDay("2026-03-02", "fr") },
      { key: "timeOfDay", label: "Heure (heure de l’usine)", before: "—", after: "08:00" },
      { key: "leadDays", label: "Ticket créé avant l’échéance", before: "—", after: "0 jour" },
      { key: "steps", label: "Liste de vérification", before: "—", after: "1. Vérifier le niveau d’huile · 2. Graisser les paliers" },
      { key: "paused", label: "En pause", before: "—", after: "Non" },
      { key: "nextDueAt", label: "Prochaine échéance", before: "—", after: formatDateTime(firstDue, "fr", "America/Toronto") },
    ]);
    expect(changedValues(updated!.before, updated!.after, en, "en", "America/Toronto")).toEqual([
      { key: "assignee", label: "Assigned to", before: "Whole team", after: "technician audit" },
      { key: "priority", label: "Priority", before: "High", after: "Low" },
      { key: "recurrence", label: "Recurrence", before: "In days", after: "In weeks" },
      { key: "interval", label: "Interval", before: "1", after: "2" },
      { key: "leadDays", label: "Ticket created before it is due", before: "0 days", after: "3 days" },
      {
        key: "nextDueAt",
        label: "Next due",
        before: formatDateTime(firstDue, "en", "America/Toronto"),
        after: formatDateTime(new Date("2026-03-16T12:00:00Z"), "en", "America/Toronto"),
      },
    ]);
  });
});
