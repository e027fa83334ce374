import type { Db } from "@/lib/db/client";

let counter = 0;

/** A reporter, an assignee and a machine to hang test tickets on. */
export async function createFixtures(db: Db) {
  const suffix = `${Date.now()}-${++counter}`;
  const reporter = await db.user.create({
    data: { email: `op-${suffix}@usine.test`, name: "Luc Bouchard", role: "operator", passwordHash: "x" },
  });
  const technician = await db.user.create({
    data: { email: `tech-${suffix}@usine.test`, name: "Julie Roy", role: "technician", passwordHash: "x" },
  });
  const machine = await db.machine.create({
    data: { machineType: "Presse hydraulique", model: "Schuler 250T", location: "Atelier A" },
  });
  return { reporter, technician, machine };
}

export interface TicketOptions {
  status?: string;
  assignedTo?: number | null;
  scheduledDate?: Date | null;
  deletedAt?: Date | null;
  title?: string;
}

export async function createTicket(
  db: Db,
  fixtures: Awaited<ReturnType<typeof createFixtures>>,
  options: TicketOptions = {},
) {
  const n = ++counter;
  return db.ticket.create({
    data: {
      ticketId: `TKT-M${String(fixtures.machine.id).padStart(3, "0")}-20261123-${String(n).padStart(4, "0")}`,
      title: options.title ?? `Ticket ${n}`,
      machineId: fixtures.machine.id,
      reportedBy: fixtures.reporter.id,
      status: options.status ?? "received",
      assignedTo: options.assignedTo === undefined ? fixtures.technician.id : options.assignedTo,
      scheduledDate: options.scheduledDate === undefined ? null : options.scheduledDate,
      deletedAt: options.deletedAt ?? null,
    },
  });
}
