// Machines change only by admins' hands, and every change is audited: the change
// and its audit entry go in one D1 batch (changeAudited, lib/audit.ts).
import { z } from "zod";
import { auditInsert, changeAudited, type AuditEntry } from "../audit";
import { isUniqueViolation, sql, type Statement } from "../db/sql";
import { writeBatch } from "../db/batch";
import { type Db } from "../db/client";
import { defineOperation, refuse, type ActionContext } from "../operation";
import { dispatchWritten, machineDown, writeAndNotify } from "../notifications/events";
import { machineStatuses, summarySelect, type MachineSummary } from "./model";

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

/** The columns of a machine as the form sets them (updated_at too: Prisma's @updatedAt does not see raw SQL). */
function machineColumns(data: z.output<typeof machineInput>, now: Date) {
  return sql`machine_type = ${data.machineType}, model = ${data.model}, serial_number = ${data.serialNumber},
             location = ${data.location}, status = ${data.status}, updated_at = ${now}`;
}

export const createMachine = defineOperation({ input: machineInput, permission: "machine.manage" }, async (input, { db, user, now = new Date() }) => {
  await refuseTakenSerial(db, input.serialNumber, 0);
  try {
    const { rows } = await changeAudited(
      db,
      sql`INSERT INTO machines (machine_type, model, serial_number, location, status, created_at, updated_at)
          VALUES (${input.machineType}, ${input.model}, ${input.serialNumber}, ${input.location}, ${input.status}, ${now}, ${now})
          RETURNING id`,
      [{ actorId: user.id, action: "machine.created", entityType: "machine", after: input }],
      now,
      // The machine just inserted: ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
      { entityId: sql`(SELECT MAX(id) FROM machines)` },
    );
    return { id: Number(rows[0]!.id), ...input } satisfies MachineSummary;
  } catch (error) {
    refuseIfSerialRace(error);
  }
});

export const updateMachine = defineOperation(
  { input: machineInput.extend({ id }), permission: "machine.manage" },
  async ({ id: machineId, ...data }, ctx) => {
    const { db, user, now = new Date() } = ctx;
    const before = await machineOrRefuse(db, machineId);
    await refuseTakenSerial(db, data.serialNumber, machineId);
    const after: MachineSummary = { id: machineId, ...data };
    try {
      const changes = await changeAuditedAndNotify(
        ctx,
        sql`UPDATE machines SET ${machineColumns(data, now)} WHERE id = ${machineId}`,
        { actorId: user.id, action: "machine.updated", entityType: "machine", entityId: machineId, before, after },
        wentDown(before, after, ctx),
      );
      if (!changes) refuse("notFound");
      return after;
    } catch (error) {
      refuseIfSerialRace(error);
    }
  },
);

export const setMachineStatus = defineOperation(
  { input: z.object({ id, status: z.enum(machineStatuses) }), permission: "machine.manage" },
  async (input, ctx) => {
    const { db, user, now = new Date() } = ctx;
    const before = await machineOrRefuse(db, input.id);
    if (before.status === input.status) return before;
    const after: MachineSummary = { ...before, status: input.status };
    const changes = await changeAuditedAndNotify(
      ctx,
      sql`UPDATE machines SET status = ${input.status}, updated_at = ${now} WHERE id = ${input.id}`,
      { actorId: user.id, action: "machine.status_changed", entityType: "machine", entityId: input.id, before, after },
      wentDown(before, after, ctx),
    );
    if (!changes) refuse("notFound");
    return after;
  },
);

/** Leads are told when a machine goes out of service (not when it stays so). */
function wentDown(before: MachineSummary, after: MachineSummary, { user, now = new Date() }: ActionContext): Statement | null {
  if (after.status !== "out_of_service" || before.status === "out_of_service") return null;
  return machineDown(after.id, { actorId: user.id, now });
}

/** changeAudited that also tells: the change, its audit entry and the notifications in one batch. */
async function changeAuditedAndNotify(ctx: ActionContext, change: Statement, entry: AuditEntry, notify: Statement | null): Promise<number> {
  const { results, notifications } = await writeAndNotify(ctx.db, [change, auditInsert([entry], ctx.now ?? new Date())], notify);
  await dispatchWritten(ctx, notifications);
  return results[0]!.changes;
}

/** A machine with tickets (even deleted ones) keeps its history: it can only go out of service. */
export const deleteMachine = defineOperation({ input: z.object({ id }), permission: "machine.manage" }, async (input, { db, user, now = new Date() }) => {
  const before = await machineOrRefuse(db, input.id);
  const noTickets = sql`NOT EXISTS (SELECT 1 FROM tickets WHERE machine_id = ${input.id})`;
  const [, removed] = await writeBatch(db, [
    // Its maintenance plans go with it: without tickets on the machine, none of them ever generated one.
    sql`DELETE FROM maintenance_plans WHERE machine_id = ${input.id} AND ${noTickets}`,
    // One statement: no ticket can slip in between the check and the delete.
    sql`DELETE FROM machines WHERE id = ${input.id} AND ${noTickets}`,
    auditInsert([{ actorId: user.id, action: "machine.deleted", entityType: "machine", entityId: input.id, before }], now),
  ]);
  if (!removed!.changes) refuse("hasTickets");
  return { id: input.id };
});
