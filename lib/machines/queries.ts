// Machines as every signed-in user reads them.
import type { Db } from "../db/client";
import { literalContains } from "../db/like-pattern";
import type { TicketReader } from "../permissions";
import { closedStatuses, visibleTicketsWhere } from "../tickets/model";
import { summarySelect, type MachineSummary } from "./model";

/** Every machine, with the count of its open tickets that the reader may see, and since when it is down. */
export async function listMachines(db: Db, reader: TicketReader, options: { search?: string } = {}): Promise<(MachineSummary & { openTickets: number; downSince: Date | null })[]> {
  const q = literalContains(options.search);
  const rows = await db.machine.findMany({
    where: q ? { OR: [{ machineType: q }, { model: q }, { serialNumber: q }, { location: q }] } : undefined,
    orderBy: [{ machineType: "asc" }, { id: "asc" }],
    select: {
      ...summarySelect,
      downSince: true,
      _count: { select: { tickets: { where: { deletedAt: null, status: { notIn: [...closedStatuses] }, ...visibleTicketsWhere(reader) } } } },
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
