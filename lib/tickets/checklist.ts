// A generated ticket's checklist (copied from its plan): the team ticks and
// unticks steps. Each tick is one conditional UPDATE sent in one batch with its
// timeline event, so a step someone else ticked meanwhile is not ticked twice
// and never gets an event without the change.
import { z } from "zod";
import { sql } from "../db/sql";
import { defineOperation, refuse } from "../operation";
import { changeTicket } from "./events";
import { ticketReaderFor, visibleTicket } from "./queries";

export const checkStepInput = z.object({
  id: z.coerce.number().int().positive(),
  done: z.enum(["0", "1"]).transform((v) => v === "1"),
});

export const checkChecklistStep = defineOperation({ input: checkStepInput, permission: "ticket.checklist" }, async (input, { db, user, now = new Date() }) => {
  const step = await db.ticketChecklistItem.findUnique({ where: { id: input.id }, select: { id: true, ticketId: true, label: true, doneAt: true } });
  if (!step) refuse("notFound");
  const ticket = await db.ticket.findFirst({ where: visibleTicket(await ticketReaderFor(db, user), step.ticketId), select: { id: true } });
  if (!ticket) refuse("notFound");
  // Already as asked (someone else did it first): nothing to record.
  if ((step.doneAt !== null) === input.done) return { id: step.id, done: input.done };
  const changed = await changeTicket(
    db,
    sql`UPDATE ticket_checklist_items SET done_at = ${input.done ? now : null}, done_by = ${input.done ? user.id : null}
        WHERE id = ${step.id} AND done_at IS ${input.done ? sql`NULL` : sql`NOT NULL`}
          AND ticket_id IN (SELECT id FROM tickets WHERE deleted_at IS NULL)`,
    { ticketId: step.ticketId, actorId: user.id, type: input.done ? "checklist_checked" : "checklist_unchecked", to: step.label },
    now,
  );
  if (!changed) {
    const still = await db.ticket.count({ where: { id: step.ticketId, deletedAt: null } });
    if (!still) refuse("notFound");
  }
  return { id: step.id, done: input.done };
});
