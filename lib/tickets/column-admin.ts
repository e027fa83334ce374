// The plant's board columns as admins change them (/admin/settings/columns): add one,
// rename and recolour any (the built-in ones too), reorder, delete an empty one.
// Each change and its audit entry go in one D1 batch. A column is deleted only
// empty: "move its tickets, then delete" is one batch as well, in which each ticket
// gets the status event a move on the board writes (and its machine's stop ends
// when the new column closes it), with one audit entry for the move. Open boards
// hear of every change ("tickets changed") and read themselves again.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { auditInsert, changeAudited, type AuditEntry } from "../audit";
import { writeBatch } from "../db/batch";
import { isUniqueViolation, sql, type Statement } from "../db/sql";
import type { Db } from "../db/client";
import { format, messagesFor, type Locale } from "../i18n";
import { defineOperation, refuse } from "../operation";
import { ticketsChanged } from "./live";
import { builtInKeys, columnColors, columnName, isClosedStage, liveColumns, loadColumns, MAX_COLUMNS, stages, type BoardColumn, type Stage } from "./columns";

/** The longest name a column may have: a phone's tab shows it on two lines at most. */
export const MAX_COLUMN_NAME = 40;

export interface AdminColumn extends BoardColumn {
  /** Its names as the board shows them, in each language. */
  names: Record<Locale, string>;
  /** Live tickets in it (archived ones included): a column is deleted only at 0. */
  tickets: number;
}

const namesOf = (column: Pick<BoardColumn, "key" | "nameFr" | "nameEn">): Record<Locale, string> => ({
  fr: columnName(column, "fr", messagesFor("fr")),
  en: columnName(column, "en", messagesFor("en")),
});

/** The board's columns in order, with their names in both languages and their tickets. Admins only; two queries. */
export async function listColumnsForAdmin(db: Db): Promise<AdminColumn[]> {
  const [columns, groups] = await Promise.all([
    loadColumns(db),
    db.ticket.groupBy({ by: ["status"], where: { deletedAt: null }, _count: { _all: true } }),
  ]);
  const counts = new Map(groups.map((group) => [group.status, group._count._all]));
  return liveColumns(columns).map((column) => ({ ...column, names: namesOf(column), tickets: counts.get(column.key) ?? 0 }));
}

const id = z.coerce.number().int().positive();
const name = z.string().trim().min(1).max(MAX_COLUMN_NAME);
const columnFields = z.object({ nameFr: name, nameEn: name, color: z.enum(columnColors) });

/**
 * What a name is stored as: null when a built-in column keeps the catalogue's word
 * in that language, so it goes on following the catalogue (and the other language).
 */
function storedName(key: string, typed: string, locale: Locale): string | null {
  const word = (messagesFor(locale).status as Record<string, string>)[key];
  return (builtInKeys as readonly string[]).includes(key) && typed === word ? null : typed;
}

/** Two live columns never share a name in a language (capitals and accents aside): a board would show two alike. */
function refuseTakenNames(columns: BoardColumn[], names: Record<Locale, string>, except?: number): void {
  const same = (a: string, b: string, locale: Locale) => a.localeCompare(b, locale, { sensitivity: "base" }) === 0;
  for (const column of liveColumns(columns)) {
    if (column.id === except) continue;
    const theirs = namesOf(column);
    if (same(theirs.fr, names.fr, "fr")) refuse("invalid", { fields: { nameFr: "columnNameTaken" } });
    if (same(theirs.en, names.en, "en")) refuse("invalid", { fields: { nameEn: "columnNameTaken" } });
  }
}

/** What the audit log keeps of a column: its names as the board showed them, and its colour. */
function audited(column: Pick<BoardColumn, "key" | "nameFr" | "nameEn" | "color">) {
  const names = namesOf(column);
  return { nameFr: names.fr, nameEn: names.en, color: column.color };
}
const entry = (actorId: number, action: string, entityId: number | null, before: unknown, after: unknown): AuditEntry => ({
  actorId,
  action,
  entityType: "column",
  entityId,
  before,
  after,
});

/**
 * Where a new column goes: after the last column of its stage on the board, else
 * after the last of an earlier stage, else first. Its key is generated (col_<n>),
 * never made from its name: tickets.status, the webhook's `status` and the URL's
 * `more=` keep it whatever it is renamed.
 */
function placement(columns: BoardColumn[], stage: Stage): { key: string; position: number } {
  const live = liveColumns(columns);
  const rank = stages.indexOf(stage);
  const anchor = live.filter((column) => column.stage === stage).at(-1) ?? live.filter((column) => stages.indexOf(column.stage) < rank).at(-1);
  const position = anchor ? anchor.position + 1 : (live[0]?.position ?? 1);
  return { key: `col_${Math.max(0, ...columns.map((column) => column.id)) + 1}`, position };
}

export const addColumn = defineOperation(
  { input: columnFields.extend({ stage: z.enum(stages) }), permission: "column.manage" },
  async (input, ctx) => {
    const { db, user, now = new Date() } = ctx;
    const columns = await loadColumns(db);
    const full = () => refuse("columnsFull", { values: { max: MAX_COLUMNS } });
    if (liveColumns(columns).length >= MAX_COLUMNS) full();
    refuseTakenNames(columns, { fr: input.nameFr, en: input.nameEn });
    const { key, position } = placement(columns, input.stage);
    const column = { key, nameFr: input.nameFr, nameEn: input.nameEn, color: input.color };
    const statements: Statement[] = [
      // The cap holds in the statement itself: two admins adding at once cannot pass it.
      sql`INSERT INTO board_columns (key, stage, name_fr, name_en, color, position, protected, created_at, updated_at)
          SELECT ${key}, ${input.stage}, ${input.nameFr}, ${input.nameEn}, ${input.color}, ${position}, false, ${now}, ${now}
          WHERE (SELECT COUNT(*) FROM board_columns WHERE deleted_at IS NULL) < ${MAX_COLUMNS}`,
      auditInsert([entry(user.id, "column.created", null, null, { ...audited(column), stage: input.stage })], now, {
        entityId: sql`(SELECT id FROM board_columns WHERE key = ${key})`,
      }),
      // The columns from its place on move one along, once it is in.
      sql`UPDATE board_columns SET position = position + 1
          WHERE position >= ${position} AND key <> ${key} AND EXISTS (SELECT 1 FROM board_columns WHERE key = ${key})`,
    ];
    const [inserted] = await writeBatch(db, statements).catch((error: unknown) => (isUniqueViolation(error) ? refuse("conflict") : Promise.reject(error)));
    if (!inserted!.changes) full();
    ticketsChanged(ctx);
    return { key };
  },
);

async function liveColumn(db: Db, columnId: number) {
  const columns = await loadColumns(db);
  const column = liveColumns(columns).find((c) => c.id === columnId) ?? refuse("notFound");
  return { columns, column };
}

/** A new name (in either language) or colour, built-in columns included; the stage a column was made in stays. */
export const updateColumn = defineOperation({ input: columnFields.extend({ id }), permission: "column.manage" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const { columns, column } = await liveColumn(db, input.id);
  refuseTakenNames(columns, { fr: input.nameFr, en: input.nameEn }, column.id);
  const after = { key: column.key, nameFr: storedName(column.key, input.nameFr, "fr"), nameEn: storedName(column.key, input.nameEn, "en"), color: input.color };
  if (after.nameFr === column.nameFr && after.nameEn === column.nameEn && after.color === column.color) return { id: column.id };
  const { changes } = await changeAudited(
    db,
    sql`UPDATE board_columns SET name_fr = ${after.nameFr}, name_en = ${after.nameEn}, color = ${after.color}, updated_at = ${now}
        WHERE id = ${column.id} AND deleted_at IS NULL`,
    [entry(user.id, "column.updated", column.id, audited(column), audited(after))],
    now,
  );
  if (!changes) refuse("notFound");
  ticketsChanged(ctx);
  return { id: column.id };
});

/**
 * One place up or down the board ("Monter", "Descendre": a button, not a drag, for
 * gloves and keyboards). The board's order is written again whole, only if it is
 * still the one read: two admins moving columns at once cannot interleave.
 */
export const moveColumn = defineOperation(
  { input: z.object({ id, direction: z.enum(["up", "down"]) }), permission: "column.manage" },
  async (input, ctx) => {
    const { db, user, now = new Date() } = ctx;
    const { columns, column } = await liveColumn(db, input.id);
    const live = liveColumns(columns);
    const from = live.indexOf(column);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= live.length) return { id: column.id };
    const order = [...live];
    [order[from], order[to]] = [order[to]!, order[from]!];
    const positions = Prisma.join(order.map((c, i) => sql`WHEN ${c.id} THEN ${i + 1}`), " ");
    const { changes } = await changeAudited(
      db,
      sql`UPDATE board_columns SET position = CASE id ${positions} END, updated_at = ${now}
          WHERE deleted_at IS NULL
            AND (SELECT group_concat(id) FROM (SELECT id FROM board_columns WHERE deleted_at IS NULL ORDER BY position, id)) = ${live.map((c) => c.id).join(",")}`,
      [entry(user.id, "column.reordered", column.id, { order: live.map((c) => c.key) }, { order: order.map((c) => c.key) })],
      now,
    );
    if (!changes) refuse("conflict");
    ticketsChanged(ctx);
    return { id: column.id };
  },
);

const deleteInput = z.object({
  id,
  /** Where its tickets go first: a live column's key. Without it, only an empty column is deleted. */
  moveTo: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(40).optional()),
});

/**
 * An empty column leaves the board (its row stays: the timeline and the audit log
 * still name it). One with tickets is refused, unless `moveTo` says where they go:
 * then its tickets are moved and it is deleted in the same batch. Received,
 * completed and archived never leave: reports land in the first, the one-tap
 * "Terminé" and the figures need the others' stages to always have a column.
 */
export const deleteColumn = defineOperation({ input: deleteInput, permission: "column.manage" }, async (input, ctx) => {
  const { db, user, t, locale, now = new Date() } = ctx;
  const { columns, column } = await liveColumn(db, input.id);
  const name = columnName(column, locale, t);
  if (column.protected) refuse("columnProtected", { values: { name } });
  const holding = () => db.ticket.count({ where: { status: column.key, deletedAt: null } });
  const refuseHolding = (count: number) => refuse("columnHasTickets", { values: { name, tickets: format(t.columns.tickets, { count }, locale) } });
  const count = await holding();

  if (input.moveTo === undefined) {
    if (count) refuseHolding(count);
    const { changes } = await changeAudited(
      db,
      sql`UPDATE board_columns SET deleted_at = ${now}, updated_at = ${now}
          WHERE id = ${column.id} AND deleted_at IS NULL AND protected = false
            AND NOT EXISTS (SELECT 1 FROM tickets WHERE status = ${column.key} AND deleted_at IS NULL)`,
      [entry(user.id, "column.deleted", column.id, { ...audited(column), stage: column.stage }, null)],
      now,
    );
    // A ticket arrived meanwhile, or the column went.
    if (!changes) refuseHolding(await holding());
    ticketsChanged(ctx);
    return { id: column.id, moved: 0 };
  }

  const target = liveColumns(columns).find((c) => c.key === input.moveTo && c.id !== column.id);
  if (!target) refuse("invalid", { fields: { moveTo: "columnMoveTarget" } });
  const statements = moveAndDelete(column, target, { actorId: user.id, count, now });
  const [deleted] = await writeBatch(db, statements);
  if (!deleted!.changes) refuse("conflict");
  ticketsChanged(ctx);
  return { id: column.id, moved: count };
});

/**
 * The column's deletion first, only while the target is still on the board; every
 * later statement holds only if it was written (deleted_at is this very moment), so
 * the batch is all or nothing. Then, for each of its tickets, as a move writes it:
 * the status event, the end of its machine's stop when the target closes it, and
 * the move (completed when it enters a done column, as moveTicket does).
 */
function moveAndDelete(column: BoardColumn, target: BoardColumn, { actorId, count, now }: { actorId: number; count: number; now: Date }): Statement[] {
  const gone = sql`EXISTS (SELECT 1 FROM board_columns WHERE id = ${column.id} AND deleted_at = ${now})`;
  const held = sql`SELECT id FROM tickets WHERE status = ${column.key} AND deleted_at IS NULL`;
  const completedAt = target.stage !== "done" ? sql`NULL` : column.stage === "done" ? sql`completed_at` : sql`${now}`;
  return [
    sql`UPDATE board_columns SET deleted_at = ${now}, updated_at = ${now}
        WHERE id = ${column.id} AND deleted_at IS NULL AND protected = false
          AND EXISTS (SELECT 1 FROM board_columns WHERE id = ${target.id} AND deleted_at IS NULL)`,
    auditInsert(
      [
        entry(actorId, "column.tickets_moved", column.id, { column: column.key }, { column: target.key, tickets: count }),
        entry(actorId, "column.deleted", column.id, { ...audited(column), stage: column.stage }, null),
      ],
      now,
    ),
    sql`INSERT INTO ticket_events (ticket_id, actor_id, type, from_value, to_value, created_at)
        SELECT id, ${actorId}, 'status', ${column.key}, ${target.key}, ${now} FROM tickets
        WHERE status = ${column.key} AND deleted_at IS NULL AND ${gone}`,
    ...(isClosedStage(target.stage)
      ? [
          sql`INSERT INTO ticket_events (ticket_id, actor_id, type, created_at)
              SELECT ticket_id, ${actorId}, 'machine_up', ${now} FROM machine_downtimes
              WHERE ended_at IS NULL AND ticket_id IN (${held}) AND ${gone}`,
          sql`UPDATE machine_downtimes SET ended_at = ${now}, ended_by = ${actorId} WHERE ended_at IS NULL AND ticket_id IN (${held}) AND ${gone}`,
          sql`UPDATE machines SET down_since = NULL, down_ticket_id = NULL WHERE down_ticket_id IN (${held}) AND ${gone}`,
        ]
      : []),
    sql`UPDATE tickets SET status = ${target.key}, completed_at = ${completedAt}, updated_at = ${now}
        WHERE status = ${column.key} AND deleted_at IS NULL AND ${gone}`,
  ];
}
