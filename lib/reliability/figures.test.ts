import { describe, expect, it } from "vitest";
import { machineFigures, median, plantFigures, technicianFigures, type Period } from "./figures";

const at = (iso: string) => new Date(`${iso}Z`);
const H = 3_600_000;

// The fixture, computed by hand. Period: 1 to 11 November (10 days = 240 h).
const period: Period = { from: at("2026-11-01T00:00:00"), to: at("2026-11-11T00:00:00") };

// Press (created long before): three stops.
//   A: 31 Oct 20:00 → 1 Nov 04:00   began before: 4 h inside, not a failure, a repair of 8 h (ended inside)
//   B: 3 Nov 10:00 → 3 Nov 16:00     6 h, a failure, a repair of 6 h
//   C: 10 Nov 20:00 → still down     4 h to the end of the period, a failure, no repair
// Downtime 4 + 6 + 4 = 14 h; failures 2 (B, C); repairs 2 (A 8 h, B 6 h): MTTR 7 h.
// MTBF (240 − 14) / 2 = 113 h; availability (240 − 14) / 240 = 94.1666… %.
const press = { id: 1, label: "Presse", createdAt: at("2025-01-01T00:00:00") };
const pressStops = [
  { machineId: 1, startedAt: at("2026-10-31T20:00:00"), endedAt: at("2026-11-01T04:00:00") },
  { machineId: 1, startedAt: at("2026-11-03T10:00:00"), endedAt: at("2026-11-03T16:00:00") },
  { machineId: 1, startedAt: at("2026-11-10T20:00:00"), endedAt: null },
];
// Lathe, created on 6 Nov at noon: observed 4.5 days = 108 h.
//   D: 8 Nov 00:00 → 12 Nov 00:00   ends after the period: 72 h inside, a failure, no repair
// Downtime 72 h; MTTR none; MTBF (108 − 72) / 1 = 36 h; availability 36 / 108 = 33.333… %.
const lathe = { id: 2, label: "Tour", createdAt: at("2026-11-06T12:00:00") };
const latheStops = [{ machineId: 2, startedAt: at("2026-11-08T00:00:00"), endedAt: at("2026-11-12T00:00:00") }];

describe("machine figures", () => {
  it("count a stop's part inside the period as downtime, failures when they start and repairs when they end", () => {
    const f = machineFigures(press, pressStops, period, { opened: 4, overdue: 1, planned: 1, closed: 3 });
    expect(f.observedHours).toBe(240);
    expect(f.downtimeHours).toBe(14);
    expect(f.failures).toBe(2);
    expect(f.repairs).toBe(2);
    expect(f.mttrHours).toBe(7);
    expect(f.mtbfHours).toBe(113);
    expect(f.availability).toBeCloseTo(94.1667, 4);
    // 1 of 4 opened tickets overdue: 25 %.
    expect(f.overdueRate).toBe(25);
    // 1 of 4 opened tickets made by a maintenance plan: 25 % planned, 75 % corrective.
    expect(f.plannedShare).toBe(25);
    expect(f.closed).toBe(3);
  });

  it("observe a machine only from its creation", () => {
    const f = machineFigures(lathe, latheStops, period);
    expect(f.observedHours).toBe(108);
    expect(f.downtimeHours).toBe(72);
    expect(f.mttrHours).toBeNull();
    expect(f.mtbfHours).toBe(36);
    expect(f.availability).toBeCloseTo(33.3333, 4);
    expect(f.overdueRate).toBeNull();
    expect(f.plannedShare).toBeNull();
  });

  it("say nothing of MTBF without a failure, and 100 % available without a stop", () => {
    const f = machineFigures(press, [], period);
    expect(f).toMatchObject({ downtimeHours: 0, failures: 0, mttrHours: null, mtbfHours: null, availability: 100 });
  });

  it("have no availability for a machine created after the period", () => {
    const f = machineFigures({ ...press, createdAt: at("2026-12-01T00:00:00") }, [], period);
    expect(f.observedHours).toBe(0);
    expect(f.availability).toBeNull();
  });
});

describe("plant figures", () => {
  it("add the machines' times and counts up, then take the same ratios", () => {
    // Observed 240 + 108 = 348 h; downtime 14 + 72 = 86 h; failures 2 + 1 = 3; repairs 2 (8 h + 6 h).
    // MTTR 14 / 2 = 7 h; MTBF (348 − 86) / 3 = 87.333… h; availability 262 / 348 = 75.287… %.
    const plant = plantFigures([machineFigures(press, pressStops, period, { opened: 4, overdue: 1, planned: 1, closed: 3 }), machineFigures(lathe, latheStops, period, { opened: 1, overdue: 1, planned: 1, closed: 0 })]);
    expect(plant.observedHours).toBe(348);
    expect(plant.downtimeHours).toBe(86);
    expect(plant.failures).toBe(3);
    expect(plant.mttrHours).toBe(7);
    expect(plant.mtbfHours).toBeCloseTo(87.3333, 4);
    expect(plant.availability).toBeCloseTo(75.2874, 4);
    // 2 of 5 opened overdue: 40 %.
    expect(plant.overdueRate).toBe(40);
    // 1 + 1 of 5 opened planned: 40 %.
    expect(plant.plannedShare).toBe(40);
    expect(plant.closed).toBe(3);
  });
});

describe("per technician", () => {
  it("count each person's closings and take the median time from report to closing", () => {
    const report = at("2026-11-02T08:00:00");
    const closing = (actorId: number, actorName: string, hours: number) => ({ actorId, actorName, createdAt: report, closedAt: new Date(report.getTime() + hours * H) });
    // Julie: 2, 10 and 4 h: median 4 h. Marc: 1 and 6 h: median (1 + 6) / 2 = 3.5 h.
    const figures = technicianFigures([closing(3, "Julie", 2), closing(4, "Marc", 1), closing(3, "Julie", 10), closing(4, "Marc", 6), closing(3, "Julie", 4)]);
    expect(figures).toEqual([
      { actorId: 3, name: "Julie", closed: 3, medianHoursToClose: 4 },
      { actorId: 4, name: "Marc", closed: 2, medianHoursToClose: 3.5 },
    ]);
  });

  it("median of nothing is nothing", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
  });
});
