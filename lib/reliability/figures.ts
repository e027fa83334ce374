// The reliability figures as pure arithmetic over facts read from D1
// (queries.ts): no database, no clock, so unit tests check them against numbers
// computed by hand. The /stats page's "Comment c'est calculé" says the same in
// words (lib/i18n/*/stats.ts, definitions); change both together.
//
// Over a period [from, to) (to never later than now), for each machine:
// - observed time: the period, from the machine's creation if it came later;
// - downtime: the time its stops (machine_downtimes) overlap the observed time,
//   a stop still open counting until `to`;
// - failures: the stops that STARTED in the period;
// - MTTR (mean time to repair): the mean full length of the stops that ENDED in
//   the period (a repair is counted when it is over, whole, even if it began before);
// - MTBF (mean time between failures): (observed time − downtime) / failures,
//   none without a failure;
// - availability: (observed time − downtime) / observed time, in %;
// - tickets opened (created in the period), closed (moved to Terminé or Archivé
//   in the period, once per ticket), and the overdue rate: the share of the
//   tickets opened in the period that are overdue now (the board's rule,
//   lib/tickets/model.ts isOverdue / OVERDUE_SQL), and the planned share: the
//   share of the tickets opened in the period that a maintenance plan created
//   (lib/plans/), the rest being corrective.
// For the plant: the same over every machine together (observed times, downtimes,
// failures and repairs added up), not a mean of the machines' figures.
// Per technician: the tickets they closed in the period and the median time from
// a ticket's report to its closing, less the time it spent waiting (in a column of
// the stage "waiting": parts, a supplier…), when nobody could work on it.

const HOUR = 3_600_000;

export interface Period {
  from: Date;
  /** Exclusive; already clipped to now. */
  to: Date;
}

export interface Stop {
  machineId: number;
  startedAt: Date;
  endedAt: Date | null;
}

export interface MachineFacts {
  id: number;
  label: string;
  createdAt: Date;
}

export interface TicketCounts {
  opened: number;
  /** Among the opened ones: overdue now. */
  overdue: number;
  /** Among the opened ones: created by a maintenance plan. */
  planned: number;
  closed: number;
}

export interface Figures extends TicketCounts {
  observedHours: number;
  downtimeHours: number;
  failures: number;
  repairs: number;
  /** Total length of the repairs counted by `repairs`, for the plant's MTTR. */
  repairHours: number;
  mttrHours: number | null;
  mtbfHours: number | null;
  /** 0–100; null when the machine did not exist during the period. */
  availability: number | null;
  /** 0–100; null without a ticket opened. */
  overdueRate: number | null;
  /** 0–100: planned (preventive) tickets among those opened; null without a ticket opened. */
  plannedShare: number | null;
}

export interface MachineFigures extends Figures {
  machineId: number;
  label: string;
}

const noTickets: TicketCounts = { opened: 0, overdue: 0, planned: 0, closed: 0 };

function overlapMs(start: Date, end: Date, from: Date, to: Date): number {
  return Math.max(0, Math.min(end.getTime(), to.getTime()) - Math.max(start.getTime(), from.getTime()));
}

const within = (date: Date | null, period: Period) => date !== null && date >= period.from && date < period.to;

type Derived = "mttrHours" | "mtbfHours" | "availability" | "overdueRate" | "plannedShare";

function derive(base: Omit<Figures, Derived>): Figures {
  const up = base.observedHours - base.downtimeHours;
  return {
    ...base,
    mttrHours: base.repairs ? base.repairHours / base.repairs : null,
    mtbfHours: base.failures ? up / base.failures : null,
    availability: base.observedHours > 0 ? (100 * up) / base.observedHours : null,
    overdueRate: base.opened ? (100 * base.overdue) / base.opened : null,
    plannedShare: base.opened ? (100 * base.planned) / base.opened : null,
  };
}

/** One machine's figures from its stops (any that touch the period) and its ticket counts. */
export function machineFigures(machine: MachineFacts, stops: Stop[], period: Period, tickets: TicketCounts = noTickets): MachineFigures {
  const start = machine.createdAt > period.from ? machine.createdAt : period.from;
  const observedMs = Math.max(0, period.to.getTime() - start.getTime());
  let downMs = 0;
  let failures = 0;
  let repairs = 0;
  let repairMs = 0;
  for (const stop of stops) {
    downMs += overlapMs(stop.startedAt, stop.endedAt ?? period.to, start, period.to);
    if (within(stop.startedAt, period)) failures++;
    if (stop.endedAt && within(stop.endedAt, period)) {
      repairs++;
      repairMs += stop.endedAt.getTime() - stop.startedAt.getTime();
    }
  }
  return {
    machineId: machine.id,
    label: machine.label,
    ...derive({ observedHours: observedMs / HOUR, downtimeHours: downMs / HOUR, failures, repairs, repairHours: repairMs / HOUR, ...tickets }),
  };
}

/** The plant: every machine's times and counts added up, then the same ratios. */
export function plantFigures(machines: Figures[]): Figures {
  const sum = (key: keyof Omit<Figures, Derived>) => machines.reduce((total, m) => total + m[key], 0);
  return derive({
    observedHours: sum("observedHours"),
    downtimeHours: sum("downtimeHours"),
    failures: sum("failures"),
    repairs: sum("repairs"),
    repairHours: sum("repairHours"),
    opened: sum("opened"),
    overdue: sum("overdue"),
    planned: sum("planned"),
    closed: sum("closed"),
  });
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Closing {
  actorId: number;
  actorName: string;
  /** When the ticket was reported, and when it was closed. */
  createdAt: Date;
  closedAt: Date;
  /** Time it spent in "waiting" columns before its closing: not counted as open time. */
  waitingMs?: number;
}

export interface TechnicianFigures {
  actorId: number;
  name: string;
  closed: number;
  medianHoursToClose: number | null;
}

/** Per person who closed tickets: how many, and the median time from report to closing, less its waiting; most closed first. */
export function technicianFigures(closings: Closing[]): TechnicianFigures[] {
  const byActor = new Map<number, { name: string; hours: number[] }>();
  for (const c of closings) {
    const entry = byActor.get(c.actorId) ?? { name: c.actorName, hours: [] };
    entry.hours.push((c.closedAt.getTime() - c.createdAt.getTime() - (c.waitingMs ?? 0)) / HOUR);
    byActor.set(c.actorId, entry);
  }
  return [...byActor]
    .map(([actorId, { name, hours }]) => ({ actorId, name, closed: hours.length, medianHoursToClose: median(hours) }))
    .sort((a, b) => b.closed - a.closed || a.name.localeCompare(b.name));
}
