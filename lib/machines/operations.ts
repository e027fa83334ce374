// Machines change only by admins' hands, and every change is audited.
import { z } from "zod";
import { recordAudit } from "../audit";
import { isUniqueViolation, type Db } from "../db";
import { defineOperation, refuse } from "../operation";
import { machineStatuses, summarySelect } from "./model";

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

/** Checked first for a clean message; the unique index still decides under a race. */
async function refuseTakenSerial(db: Db, serialNumber: string | null, exceptId: number) {
  if (!serialNumber) return;
  const taken = await db.machine.count({ where: { serialNumber, id: { not: exceptId } } });
  if (taken) refuse("serialTaken", { field: "serialNumber" });
}

function refuseIfSerialRace(error: unknown): never {
  if (isUniqueViolation(error)) refuse("invalid", { fields: { serialNumber: "serialTaken" } });
  throw error;
}

async function machineOrRefuse(db: Db, machineId: number) {
  return (await db.machine.findUnique({ where: { id: machineId }, select: summarySelect })) ?? refuse("notFound");
}

export const createMachine = defineOperation({ input: machineInput, permission: "machine.manage" }, async (input, { db, user }) => {
  await refuseTakenSerial(db, input.serialNumber, 0);
  try {
    const machine = await db.machine.create({ data: input, select: summarySelect });
    await recordAudit(db, { actorId: user.id, action: "machine.created", entityType: "machine", entityId: machine.id, after: machine });
    return machine;
  } catch (error) {
    refuseIfSerialRace(error);
  }
});

export const updateMachine = defineOperation(
  { input: machineInput.extend({ id }), permission: "machine.manage" },
  async ({ id: machineId, ...data }, { db, user }) => {
    const before = await machineOrRefuse(db, machineId);
    await refuseTakenSerial(db, data.serialNumber, machineId);
    try {
      const after = await db.machine.update({ where: { id: machineId }, data, select: summarySelect });
      await recordAudit(db, { actorId: user.id, action: "machine.updated", entityType: "machine", entityId: machineId, before, after });
      return after;
    } catch (error) {
      refuseIfSerialRace(error);
    }
  },
);

export const setMachineStatus = defineOperation(
  { input: z.object({ id, status: z.enum(machineStatuses) }), permission: "machine.manage" },
  async (input, { db, user }) => {
    const before = await machineOrRefuse(db, input.id);
    if (before.status === input.status) return before;
    const after = await db.machine.update({ where: { id: input.id }, data: { status: input.status }, select: summarySelect });
    await recordAudit(db, { actorId: user.id, action: "machine.status_changed", entityType: "machine", entityId: input.id, before, after });
    return after;
  },
);

/** A machine with tickets (even deleted ones) keeps its history: it can only go out of service. */
export const deleteMachine = defineOperation({ input: z.object({ id }), permission: "machine.manage" }, async (input, { db, user }) => {
  const before = await machineOrRefuse(db, input.id);
  // One statement: no ticket can slip in between the check and the delete.
  const deleted = await db.$executeRaw`DELETE FROM machines WHERE id = ${input.id} AND NOT EXISTS (SELECT 1 FROM tickets WHERE machine_id = ${input.id})`;
  if (!deleted) refuse("hasTickets");
  await recordAudit(db, { actorId: user.id, action: "machine.deleted", entityType: "machine", entityId: input.id, before });
  return { id: input.id };
});
