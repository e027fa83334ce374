// Machines: reads for every signed-in user, changes for admins (audited).
import { z } from "zod";
import { recordAudit } from "./audit";
import type { Db } from "./db";
import { ActionError, defineOperation } from "./operation";

export const machineStatuses = ["operational", "maintenance", "out_of_service"] as const;
export type MachineStatus = (typeof machineStatuses)[number];

export interface MachineSummary {
  id: number;
  machineType: string;
  model: string | null;
  serialNumber: string | null;
  location: string | null;
  status: string;
}

/** "Tour CNC Haas ST-20": how people name a machine on the floor. */
export function machineLabel(machine: { machineType: string; model: string | null }): string {
  return [machine.machineType, machine.model].filter(Boolean).join(" ");
}

const summarySelect = { id: true, machineType: true, model: true, serialNumber: true, location: true, status: true } as const;

export async function listMachines(db: Db, options: { search?: string } = {}): Promise<(MachineSummary & { openTickets: number })[]> {
  const q = options.search?.trim();
  const rows = await db.machine.findMany({
    where: q
      ? { OR: [{ machineType: { contains: q } }, { model: { contains: q } }, { serialNumber: { contains: q } }, { location: { contains: q } }] }
      : undefined,
    orderBy: [{ machineType: "asc" }, { id: "asc" }],
    select: {
      ...summarySelect,
      _count: { select: { tickets: { where: { deletedAt: null, status: { notIn: ["completed", "archived"] } } } } },
    },
  });
  return rows.map(({ _count, ...m }) => ({ ...m, openTickets: _count.tickets }));
}

export async function getMachine(db: Db, machineId: number) {
  return db.machine.findUnique({
    where: { id: machineId },
    select: {
      ...summarySelect,
      createdAt: true,
      updatedAt: true,
      tickets: {
        where: { deletedAt: null },
        orderBy: { createdAt: "desc" },
        select: { id: true, ticketId: true, title: true, status: true, priority: true, createdAt: true, completedAt: true },
      },
    },
  });
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .default(null);

export const machineInput = z.object({
  machineType: z.string().trim().min(2).max(80),
  model: optionalText(80),
  serialNumber: optionalText(60),
  location: optionalText(120),
  status: z.enum(machineStatuses).default("operational"),
});

const id = z.coerce.number().int().positive();

function isUniqueViolation(error: unknown) {
  return /UNIQUE/i.test(String(error));
}

/** Checked first for a clean message; the unique index still decides under a race. */
async function refuseTakenSerial(db: Db, serialNumber: string | null, exceptId: number, message: string) {
  if (!serialNumber) return;
  const taken = await db.machine.count({ where: { serialNumber, id: { not: exceptId } } });
  if (taken) throw new ActionError(message, { serialNumber: message });
}

export const createMachine = defineOperation({ input: machineInput, permission: "machine.manage" }, async (input, { db, user, t }) => {
  await refuseTakenSerial(db, input.serialNumber, 0, t.machines.errors.serialTaken);
  try {
    const machine = await db.machine.create({ data: input, select: summarySelect });
    await recordAudit(db, { actorId: user.id, action: "machine.created", entityType: "machine", entityId: machine.id, after: machine });
    return machine;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError(t.actions.invalid, { serialNumber: t.machines.errors.serialTaken });
    throw error;
  }
});

export const updateMachine = defineOperation(
  { input: machineInput.extend({ id }), permission: "machine.manage" },
  async ({ id: machineId, ...data }, { db, user, t }) => {
    const before = await db.machine.findUnique({ where: { id: machineId }, select: summarySelect });
    if (!before) throw new ActionError(t.actions.notFound);
    await refuseTakenSerial(db, data.serialNumber, machineId, t.machines.errors.serialTaken);
    try {
      const after = await db.machine.update({ where: { id: machineId }, data, select: summarySelect });
      await recordAudit(db, { actorId: user.id, action: "machine.updated", entityType: "machine", entityId: machineId, before, after });
      return after;
    } catch (error) {
      if (isUniqueViolation(error)) throw new ActionError(t.actions.invalid, { serialNumber: t.machines.errors.serialTaken });
      throw error;
    }
  },
);

export const setMachineStatus = defineOperation(
  { input: z.object({ id, status: z.enum(machineStatuses) }), permission: "machine.manage" },
  async (input, { db, user, t }) => {
    const before = await db.machine.findUnique({ where: { id: input.id }, select: summarySelect });
    if (!before) throw new ActionError(t.actions.notFound);
    if (before.status === input.status) return before;
    const after = await db.machine.update({ where: { id: input.id }, data: { status: input.status }, select: summarySelect });
    await recordAudit(db, { actorId: user.id, action: "machine.status_changed", entityType: "machine", entityId: input.id, before, after });
    return after;
  },
);

/** A machine with tickets (even deleted ones) keeps its history: it can only go out of service. */
export const deleteMachine = defineOperation({ input: z.object({ id }), permission: "machine.manage" }, async (input, { db, user, t }) => {
  const before = await db.machine.findUnique({ where: { id: input.id }, select: summarySelect });
  if (!before) throw new ActionError(t.actions.notFound);
  // One statement: no ticket can slip in between the check and the delete.
  const deleted = await db.$executeRaw`DELETE FROM machines WHERE id = ${input.id} AND NOT EXISTS (SELECT 1 FROM tickets WHERE machine_id = ${input.id})`;
  if (!deleted) throw new ActionError(t.machines.errors.hasTickets);
  await recordAudit(db, { actorId: user.id, action: "machine.deleted", entityType: "machine", entityId: input.id, before });
  return { id: input.id };
});
