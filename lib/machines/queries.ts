// Machines as every signed-in user reads them.
import type { Db } from "../db/client";
import { literalContains } from "../db/like-pattern";
import type { TicketReader } from "../permissions";
import { loadColumns } from "../tickets/columns";
import { openWhere, visibleTicketsWhere } from "../tickets/model";
import { machineLabelSql, summarySelect, type MachineSummary } from "./model";

/** Every machine, with the count of its open tickets that the reader may see, and since when it is down. */
export async function listMachines(db: Db, reader: TicketReader, options: { search?: string } = {}): Promise<(MachineSummary & { openTickets: number; downSince: Date | null })[]> {
  const q = literalContains(options.search);
  const columns = await loadColumns(db);
  const rows = await db.machine.findMany({
    where: q ? { OR: [{ machineType: q }, { model: q }, { serialNumber: q }, { location: q }] } : undefined,
    orderBy: [{ machineType: "asc" }, { id: "asc" }],
    select: {
      ...summarySelect,
      downSince: true,
      _count: { select: { tickets: { where: { deletedAt: null, ...openWhere(columns), ...visibleTicketsWhere(reader) } } } },
    },
  });
  return rows.map(({ _count, ...m }) => ({ ...m, openTickets: _count.tickets }));
}

/** A machine and its history: the tickets the reader may see. */
export async function getMachine(db: Db, machineId: number, reader: TicketReader) {
  return db.machine.findUnique({
    where: { id: machineId },
    select: {
      ...summarySelect,
      downSince: true,
      downTicketId: true,
      createdAt: true,
      updatedAt: true,
      tickets: {
        where: { deletedAt: null, ...visibleTicketsWhere(reader) },
        orderBy: { createdAt: "desc" },
        select: { id: true, ticketId: true, title: true, status: true, priority: true, createdAt: true, completedAt: true },
      },
    },
  });
}

/**
 * The machines at a stop, for leads: held down by a ticket (down_since, with that
 * ticket's id) or set out of service; the longest stop first, then by name. One query.
 */
export async function listMachinesDown(db: Db, take: number) {
  const rows = await db.$queryRawUnsafe<{ id: number; label: string; location: string | null; status: string; down_since: string | null; ticket_code: string | null; total: number }[]>(
    `SELECT m.id, ${machineLabelSql("m")} AS label, m.location, m.status, m.down_since, t.ticket_id AS ticket_code, COUNT(*) OVER () AS total
     FROM machines m LEFT JOIN tickets t ON t.id = m.down_ticket_id
     WHERE m.down_since IS NOT NULL OR m.status = 'out_of_service'
     ORDER BY m.down_since IS NULL, m.down_since, label, m.id
     LIMIT ?1`,
    take,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: Number(r.id),
      label: r.label,
      location: r.location,
      outOfService: r.status === "out_of_service",
      downSince: r.down_since === null ? null : new Date(r.down_since),
      ticketCode: r.ticket_code,
    })),
  };
}
