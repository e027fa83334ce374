import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./helpers/local-d1";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { parseCsv } from "@/lib/csv/csv";
import { sqlDate } from "@/lib/db/sql";
import { messagesFor } from "@/lib/i18n";
import { perform } from "@/lib/operation";
import type { Role } from "@/lib/permissions";
import { loadReliability } from "@/lib/reliability/queries";
import { figureCells, figureColumns, machinesCsv, technicianCells, techniciansCsv } from "@/lib/reliability/table";
import { clearMachineDown, markMachineDown } from "@/lib/tickets/downtime";
import { createTicket, deleteTicket, moveTicket } from "@/lib/tickets/operations";

describe("machine down marks", () => {
  const t = freshDatabase();
  let cast: Cast;
  beforeAll(async () => {
    cast = await createCast(t.db);
  });
  const as = (role: Role, now?: Date) => contextFor(t.db, cast[role], { media: t.media, dispatchNotifications: async () => {}, ...(now ? { now } : {}) });

  async function report(machineId: number, machineDown: boolean, role: Role = "operator", now?: Date) {
    const result = await perform(createTicket, { title: "Arrêt complet", machineId, ...(machineDown ? { machineDown: "on" } : {}) }, as(role, now));
    if (!result.ok) throw new Error(JSON.stringify(result));
    return (await t.db.ticket.findUniqueOrThrow({ where: { ticketId: result.data.ticketId } })).id;
  }
  const machineState = (id: number) => t.db.machine.findUniqueOrThrow({ where: { id }, select: { downSince: true, downTicketId: true } });
  const stops = (machineId: number) => t.db.machineDowntime.findMany({ where: { machineId }, orderBy: { id: "asc" } });
  const events = async (ticketId: number) => (await t.db.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" } })).map((e) => e.type);

  it("a report can stop its machine: the interval, the machine's mark and the timeline event are written together", async () => {
    const machine = await createMachineRow(t.db, "Presse down");
    const at = new Date("2026-11-20T14:00:00Z");
    const ticket = await report(machine.id, true, "operator", at);
    expect(await machineState(machine.id)).toEqual({ downSince: at, downTicketId: ticket });
    expect(await stops(machine.id)).toMatchObject([{ ticketId: ticket, startedAt: at, endedAt: null, startedBy: cast.operator.id }]);
    expect(await events(ticket)).toEqual(["created", "machine_down"]);
  });

  it("a second report on a machine already down leaves the stop with the ticket that began it", async () => {
    const machine = await createMachineRow(t.db, "Presse deux rapports");
    const first = await report(machine.id, true);
    const second = await report(machine.id, true);
    expect((await machineState(machine.id)).downTicketId).toBe(first);
    expect(await stops(machine.id)).toHaveLength(1);
    expect(await events(second)).toEqual(["created"]);
    // From the ticket page, the second ticket is told which one holds the machine.
    const refused = await perform(markMachineDown, { id: second }, as("technician"));
    expect(refused).toMatchObject({ ok: false, code: "machineAlreadyDown" });
    expect(!refused.ok && refused.error).toContain("(ticket TKT-");
  });

  it("completing the ticket ends the stop in the batch of the status change, and only a closing move does", async () => {
    const machine = await createMachineRow(t.db, "Tour fin");
    const ticket = await report(machine.id, true);
    expect(await perform(moveTicket, { id: ticket, from: "received", to: "in_progress" }, as("technician"))).toMatchObject({ ok: true });
    expect((await machineState(machine.id)).downTicketId).toBe(ticket);
    // A move from a column the ticket is no longer in writes nothing, the stop included.
    expect(await perform(moveTicket, { id: ticket, from: "received", to: "completed" }, as("technician"))).toMatchObject({ ok: false, code: "movedMeanwhile" });
    expect((await stops(machine.id))[0]!.endedAt).toBeNull();

    const done = new Date(Date.now() + 1000);
    expect(await perform(moveTicket, { id: ticket, from: "in_progress", to: "completed" }, as("technician", done))).toMatchObject({ ok: true });
    expect(await machineState(machine.id)).toEqual({ downSince: null, downTicketId: null });
    expect(await stops(machine.id)).toMatchObject([{ endedAt: done, endedBy: cast.technician.id }]);
    expect(await events(ticket)).toEqual(["created", "machine_down", "status", "status", "machine_up"]);
    // Reopening and closing again does not invent a second stop.
    await perform(moveTicket, { id: ticket, from: "completed", to: "in_progress" }, as("technician"));
    await perform(moveTicket, { id: ticket, from: "in_progress", to: "completed" }, as("technician"));
    expect(await stops(machine.id)).toHaveLength(1);
  });

  it("technicians and leads mark a ticket's machine down from the ticket and clear it; operators may not", async () => {
    const machine = await createMachineRow(t.db, "Fraiseuse");
    const ticket = await report(machine.id, false);
    expect(await perform(markMachineDown, { id: ticket }, as("operator"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await perform(clearMachineDown, { id: ticket }, as("operator"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await stops(machine.id)).toHaveLength(0);

    expect(await perform(markMachineDown, { id: ticket }, as("technician"))).toMatchObject({ ok: true });
    expect((await machineState(machine.id)).downTicketId).toBe(ticket);
    expect(await perform(clearMachineDown, { id: ticket }, as("supervisor"))).toMatchObject({ ok: true });
    expect(await machineState(machine.id)).toEqual({ downSince: null, downTicketId: null });
    expect(await perform(clearMachineDown, { id: ticket }, as("supervisor"))).toMatchObject({ ok: false, code: "machineNotDown" });
    expect(await events(ticket)).toEqual(["created", "machine_down", "machine_up"]);
    // A stop can begin again later: a new interval.
    expect(await perform(markMachineDown, { id: ticket }, as("admin"))).toMatchObject({ ok: true });
    expect(await stops(machine.id)).toHaveLength(2);
  });

  it("a closed ticket cannot stop its machine, and deleting a ticket ends its stop", async () => {
    const machine = await createMachineRow(t.db, "Scie");
    const closed = await report(machine.id, false);
    await perform(moveTicket, { id: closed, from: "received", to: "completed" }, as("technician"));
    expect(await perform(markMachineDown, { id: closed }, as("technician"))).toMatchObject({ ok: false, code: "downTicketClosed" });

    const ticket = await report(machine.id, true);
    expect(await perform(deleteTicket, { id: ticket }, as("supervisor"))).toMatchObject({ ok: true });
    expect(await machineState(machine.id)).toEqual({ downSince: null, downTicketId: null });
    expect((await stops(machine.id))[0]!.endedBy).toBe(cast.supervisor.id);
  });

  it("the machine's mark always mirrors its open interval", async () => {
    const open = await t.db.machineDowntime.findMany({ where: { endedAt: null }, select: { machineId: true, ticketId: true, startedAt: true } });
    const marked = await t.db.machine.findMany({ where: { downSince: { not: null } }, select: { id: true, downTicketId: true, downSince: true } });
    expect(marked.map((m) => ({ machineId: m.id, ticketId: m.downTicketId, startedAt: m.downSince })).sort((a, b) => a.machineId - b.machineId)).toEqual(
      open.sort((a, b) => a.machineId - b.machineId),
    );
  });
});

describe("reliability figures", () => {
  const t = freshDatabase();
  let cast: Cast;
  const d = (iso: string) => new Date(`${iso}Z`);
  // 1 to 11 November 2026 (240 h), read on the 23rd.
  const period = { from: d("2026-11-01T00:00:00"), to: d("2026-11-11T00:00:00") };
  const now = d("2026-11-23T12:00:00");

  beforeAll(async () => {
    cast = await createCast(t.db, "rel");
    const { technician: julie, supervisor: marc, operator } = cast;
    const s = (iso: string) => sqlDate(d(iso));
    const machine = (id: number, name: string, created: string) =>
      t.d1.prepare("INSERT INTO machines (id, machine_type, created_at, updated_at) VALUES (?, ?, ?, ?)").bind(id, name, s(created), s(created));
    let n = 0;
    const ticket = (id: number, machineId: number, created: string, status: string, extra: { scheduled?: string; deleted?: string; plan?: number } = {}) =>
      t.d1
        .prepare(
          "INSERT INTO tickets (id, ticket_id, title, machine_id, status, reported_by, assigned_to, scheduled_date, deleted_at, plan_id, plan_due_at, created_at, updated_at) VALUES (?, ?, 'T', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(
          id,
          `TKT-F-${++n}`,
          machineId,
          status,
          operator.id,
          julie.id,
          extra.scheduled ? s(extra.scheduled) : null,
          extra.deleted ? s(extra.deleted) : null,
          extra.plan ?? null,
          extra.plan ? s(created) : null,
          s(created),
          s(created),
        );
    const event = (ticketId: number, actor: number, from: string, to: string, at: string) =>
      t.d1.prepare("INSERT INTO ticket_events (ticket_id, actor_id, type, from_value, to_value, created_at) VALUES (?, ?, 'status', ?, ?, ?)").bind(ticketId, actor, from, to, s(at));
    const stop = (machineId: number, ticketId: number, started: string, ended: string | null) =>
      t.d1
        .prepare("INSERT INTO machine_downtimes (machine_id, ticket_id, started_at, ended_at, started_by) VALUES (?, ?, ?, ?, ?)")
        .bind(machineId, ticketId, s(started), ended ? s(ended) : null, operator.id);
    await t.d1.batch([
      // The fixture of lib/reliability/figures.test.ts, with its hand computation:
      // Presse (id 1), long there: stops 31 Oct 20:00→1 Nov 04:00, 3 Nov 10:00→16:00, 10 Nov 20:00→open.
      //   downtime 4 + 6 + 4 = 14 h; failures 2; repairs 8 h and 6 h: MTTR 7 h; MTBF (240 − 14)/2 = 113 h; availability 226/240 = 94.2 %.
      // Tour (id 2), created 6 Nov 12:00 (108 h observed): stop 8 Nov 00:00→12 Nov 00:00: 72 h inside.
      //   failures 1, no repair: MTTR —; MTBF 36 h; availability 36/108 = 33.3 %.
      // Plant: 348 h observed, 86 h down, 3 failures, repairs 14 h / 2: MTTR 7 h; MTBF 262/3 = 87.3 h; availability 262/348 = 75.3 %.
      // Scie (id 3), created after the period: not counted at all.
      machine(1, "Presse", "2025-01-01T00:00:00"),
      machine(2, "Tour", "2026-11-06T12:00:00"),
      machine(3, "Scie", "2026-11-15T00:00:00"),
      // Tickets. Presse: 4 opened in the period (11–14), 1 of them overdue now (14: assigned, scheduled 5 Nov, received): 25 %.
      //   10: opened 20 Oct (before), 15: opened in the period but deleted: neither counts as opened.
      // Tour: 1 opened (16), overdue: 100 %. Plant: 2 of 5 overdue: 40 %.
      // Planned: 12 was made by a maintenance plan: Presse 1 of 4 (25 %), Tour 0 of 1 (0 %), plant 1 of 5 (20 %).
      ticket(10, 1, "2026-10-20T00:00:00", "archived"),
      ticket(11, 1, "2026-11-02T08:00:00", "completed"),
      ticket(12, 1, "2026-11-02T08:00:00", "completed", { plan: 1 }),
      ticket(13, 1, "2026-11-02T08:00:00", "archived"),
      ticket(14, 1, "2026-11-03T08:00:00", "received", { scheduled: "2026-11-05T08:00:00" }),
      ticket(15, 1, "2026-11-03T08:00:00", "completed", { deleted: "2026-11-04T00:00:00" }),
      ticket(16, 2, "2026-11-07T00:00:00", "received", { scheduled: "2026-11-08T08:00:00" }),
      // Closings in the period. Julie: 11 (2 h after its report), 12 (10 h), 13 (4 h, then archived: still one closing). Median 4 h.
      // Marc: 10, reported 20 Oct 00:00, archived straight from in_progress on 3 Nov 00:00: 336 h.
      // 15 was closed too, but is deleted: not counted. Presse closed: 4; Tour: 0.
      event(11, julie.id, "in_progress", "completed", "2026-11-02T10:00:00"),
      event(12, julie.id, "in_progress", "completed", "2026-11-02T18:00:00"),
      event(13, julie.id, "in_progress", "completed", "2026-11-02T12:00:00"),
      event(13, marc.id, "completed", "archived", "2026-11-04T00:00:00"),
      event(10, marc.id, "in_progress", "archived", "2026-11-03T00:00:00"),
      event(15, julie.id, "received", "completed", "2026-11-03T09:00:00"),
      // Outside the period: not counted.
      event(11, julie.id, "in_progress", "completed", "2026-10-25T00:00:00"),
      stop(1, 10, "2026-10-31T20:00:00", "2026-11-01T04:00:00"),
      stop(1, 11, "2026-11-03T10:00:00", "2026-11-03T16:00:00"),
      stop(1, 14, "2026-11-10T20:00:00", null),
      stop(2, 16, "2026-11-08T00:00:00", "2026-11-12T00:00:00"),
    ]);
  });

  it("match the hand-computed values for the machines, the plant and each technician", async () => {
    const report = (await loadReliability(t.db, cast.supervisor, period, now))!;
    const cells = (f: Parameters<typeof figureCells>[0]) => figureCells(f, "en");
    expect(report.machines.map((m) => m.label)).toEqual(["Tour", "Presse"]);
    expect(cells(report.machines[1]!)).toEqual({ downtime: "14.0", availability: "94.2", failures: "2", mttr: "7.0", mtbf: "113.0", opened: "4", closed: "4", overdueRate: "25.0", plannedShare: "25.0" });
    expect(cells(report.machines[0]!)).toEqual({ downtime: "72.0", availability: "33.3", failures: "1", mttr: "", mtbf: "36.0", opened: "1", closed: "0", overdueRate: "100.0", plannedShare: "0.0" });
    expect(cells(report.plant)).toEqual({ downtime: "86.0", availability: "75.3", failures: "3", mttr: "7.0", mtbf: "87.3", opened: "5", closed: "4", overdueRate: "40.0", plannedShare: "20.0" });
    expect(report.technicians.map((p) => ({ name: p.name, ...technicianCells(p, "en") }))).toEqual([
      { name: cast.technician.name, closed: "3", median: "4.0" },
      { name: cast.supervisor.name, closed: "1", median: "336.0" },
    ]);
  });

  it("the CSV files hold exactly the numbers the page shows, in the reader's language", async () => {
    const report = (await loadReliability(t.db, cast.admin, period, now))!;
    const parsed = parseCsv(machinesCsv(report, messagesFor("fr"), "fr", ";"), ";");
    if (!parsed.ok) throw new Error("unreadable CSV");
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    expect(header).toEqual(["Machine", ...figureColumns.map((c) => messagesFor("fr").stats.figures[c])]);
    const page = [
      ["Usine", ...figureColumns.map((c) => figureCells(report.plant, "fr")[c])],
      ...report.machines.map((m) => [m.label, ...figureColumns.map((c) => figureCells(m, "fr")[c])]),
    ];
    expect(rows).toEqual(page);
    expect(rows[0]).toEqual(["Usine", "86,0", "75,3", "3", "7,0", "87,3", "5", "4", "40,0", "20,0"]);
    const technicians = parseCsv(techniciansCsv(report, messagesFor("en"), "en", ","), ",");
    expect(technicians.ok && technicians.records.map((r) => r.fields)).toEqual([
      ["Person", "Tickets closed", "Median time to close (h)"],
      [cast.technician.name, "3", "4.0"],
      [cast.supervisor.name, "1", "336.0"],
    ]);
  });

  it("are nothing for operators and technicians", async () => {
    for (const role of ["operator", "technician"] as const) expect(await loadReliability(t.db, cast[role], period, now)).toBeNull();
  });
});
