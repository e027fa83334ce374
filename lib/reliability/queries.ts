// The facts behind the figures (figures.ts), read in four D1 queries whatever
// the number of machines, tickets or people: the machines, the stops touching
// the period, the tickets opened per machine (with the overdue ones), and the
// tickets closed in the period with who closed them. Leads only: null for anyone
// else, as getTicketDetails answers for a ticket the reader may not see.
import { OVERDUE_SQL } from "../tickets/model";
import { CLOSED_KEYS_SQL, stageKeysSql } from "../tickets/columns";
import { sqlDate } from "../db/sql";
import { type Db } from "../db/client";
import { machineLabel } from "../machines/model";
import { can, type Who } from "../permissions";
import { machineFigures, plantFigures, technicianFigures, type Figures, type MachineFigures, type Period, type Stop, type TechnicianFigures, type TicketCounts } from "./figures";

export interface ReliabilityReport {
  period: Period;
  plant: Figures;
  /** Every machine that existed during the period, most downtime first. */
  machines: MachineFigures[];
  technicians: TechnicianFigures[];
}

// ?1 now, ?2 from, ?3 to (ISO text, as dates are stored). Opened: created in the
// period; overdue: among those, the ones the board's rule (OVERDUE_SQL) says are late now;
// planned: among those, the ones a maintenance plan created.
const OPENED_SQL = `
  SELECT t.machine_id AS machineId, COUNT(*) AS opened, SUM(CASE WHEN ${OVERDUE_SQL} THEN 1 ELSE 0 END) AS overdue,
         SUM(CASE WHEN t.plan_id IS NOT NULL THEN 1 ELSE 0 END) AS planned
  FROM tickets t
  WHERE t.deleted_at IS NULL AND t.created_at >= ?2 AND t.created_at < ?3
  GROUP BY t.machine_id`;

// A ticket is closed when its status moved from an open column to a done or archived
// one (the columns' stages, lib/tickets/columns.ts); counted once, at its last closing
// in the period, for whoever made it. With each closing, the time the ticket spent
// before it in "waiting" columns (Attente pièces, or one the plant added there), read
// from its status events: each stay lasts until the next move, or the closing.
const CLOSED_SQL = `
  WITH closing AS (
    SELECT e.ticket_id AS ticketId, t.machine_id AS machineId, t.created_at AS createdAt, MAX(e.created_at) AS closedAt,
           e.actor_id AS actorId, u.name AS actorName
    FROM ticket_events e
    JOIN tickets t ON t.id = e.ticket_id AND t.deleted_at IS NULL
    LEFT JOIN users u ON u.id = e.actor_id
    WHERE e.type = 'status' AND e.to_value IN ${CLOSED_KEYS_SQL} AND e.from_value NOT IN ${CLOSED_KEYS_SQL}
      AND e.created_at >= ?1 AND e.created_at < ?2
    GROUP BY e.ticket_id
  ),
  stays AS (
    SELECT s.ticket_id AS ticketId, s.to_value AS status, s.created_at AS enteredAt,
           LEAD(s.created_at) OVER (PARTITION BY s.ticket_id ORDER BY s.created_at, s.id) AS leftAt
    FROM ticket_events s
    WHERE s.type = 'status' AND s.ticket_id IN (SELECT ticketId FROM closing)
  )
  SELECT c.machineId, c.createdAt, c.closedAt, c.actorId, c.actorName,
         COALESCE((SELECT SUM(julianday(MIN(COALESCE(w.leftAt, c.closedAt), c.closedAt)) - julianday(w.enteredAt))
                   FROM stays w
                   WHERE w.ticketId = c.ticketId AND w.enteredAt < c.closedAt AND w.status IN ${stageKeysSql("waiting")}), 0) * 86400000 AS waitingMs
  FROM closing c`;

interface OpenedRow {
  machineId: number;
  opened: number;
  overdue: number;
  planned: number;
}

interface ClosedRow {
  machineId: number;
  createdAt: string;
  closedAt: string;
  actorId: number | null;
  actorName: string | null;
  waitingMs: number;
}

export async function loadReliability(db: Db, reader: Who, period: Period, now: Date): Promise<ReliabilityReport | null> {
  if (!can(reader, "stats.view")) return null;
  const [from, to] = [sqlDate(period.from), sqlDate(period.to)];
  const [machines, stops, opened, closings] = await Promise.all([
    db.machine.findMany({ where: { createdAt: { lt: period.to } }, select: { id: true, machineType: true, model: true, createdAt: true } }),
    db.machineDowntime.findMany({
      where: { startedAt: { lt: period.to }, OR: [{ endedAt: null }, { endedAt: { gte: period.from } }] },
      select: { machineId: true, startedAt: true, endedAt: true },
    }),
    db.$queryRawUnsafe<OpenedRow[]>(OPENED_SQL, sqlDate(now), from, to),
    db.$queryRawUnsafe<ClosedRow[]>(CLOSED_SQL, from, to),
  ]);

  const stopsOf = new Map<number, Stop[]>();
  for (const stop of stops) stopsOf.set(stop.machineId, [...(stopsOf.get(stop.machineId) ?? []), stop]);
  const counts = new Map<number, TicketCounts>();
  const countsOf = (machineId: number) => counts.get(machineId) ?? counts.set(machineId, { opened: 0, overdue: 0, planned: 0, closed: 0 }).get(machineId)!;
  for (const row of opened) Object.assign(countsOf(Number(row.machineId)), { opened: Number(row.opened), overdue: Number(row.overdue), planned: Number(row.planned) });
  for (const row of closings) countsOf(Number(row.machineId)).closed++;

  const perMachine = machines
    .map((m) => machineFigures({ id: m.id, label: machineLabel(m), createdAt: m.createdAt }, stopsOf.get(m.id) ?? [], period, counts.get(m.id)))
    .sort((a, b) => b.downtimeHours - a.downtimeHours || a.label.localeCompare(b.label) || a.machineId - b.machineId);
  const technicians = technicianFigures(
    closings
      .filter((c) => c.actorId !== null)
      .map((c) => ({
        actorId: Number(c.actorId),
        actorName: c.actorName ?? `#${c.actorId}`,
        createdAt: new Date(c.createdAt),
        closedAt: new Date(c.closedAt),
        waitingMs: Math.max(0, Math.round(Number(c.waitingMs))),
      })),
  );
  return { period, plant: plantFigures(perMachine), machines: perMachine, technicians };
}
