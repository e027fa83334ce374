import { z } from "zod";
import { changeWithRecord, onlyIfChanged, writeBatch, type StatementResult } from "./db/batch";
import { sql, sqlDate, type Statement } from "./db/sql";
import { type Db } from "./db/client";
import { can, type Who } from "./permissions";
import { refuse } from "./operation";
import { nextDay, startOfFactoryDay } from "./factory-time";

// Never written to the audit log, whatever object a caller passes.
const secretKeys = new Set(["passwordHash", "password_hash", "password", "secret", "webhookSecret", "signingSecret"]);

function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (secretKeys.has(key) ? "[masqué]" : v));
}

export interface AuditEntry {
  actorId: number | null;
  /** e.g. "user.created", "user.role_changed", "setting.changed", "machine.deleted" */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditInsertOptions {
  /** The entity's id as SQL when it is only known then (a row inserted earlier in the same batch). */
  entityId?: Statement;
  /** Insert only if the statement before it in the batch changed a row (default), or always. */
  guard?: boolean;
}

/**
 * Appends administrative actions to audit_logs (read-only everywhere else): an
 * INSERT to send in the same batch as the change it records, never after it.
 */
export function auditInsert(entries: AuditEntry[], now: Date, options: AuditInsertOptions = {}): Statement {
  const rows = entries.map((e) => ({
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId == null ? null : String(e.entityId),
    before: redact(e.before),
    after: redact(e.after),
  }));
  const entityId = options.entityId ? sql`CAST(${options.entityId} AS TEXT)` : sql`json_extract(e.value, '$.entityId')`;
  return sql`
    INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, before, after, created_at)
    SELECT json_extract(e.value, '$.actorId'), json_extract(e.value, '$.action'), json_extract(e.value, '$.entityType'),
           ${entityId}, json_extract(e.value, '$.before'), json_extract(e.value, '$.after'), ${sqlDate(now)}
    FROM json_each(${JSON.stringify(rows)}) AS e
    WHERE ${options.guard === false ? sql`true` : onlyIfChanged}`;
}

/** A change and its audit entries, all or nothing (lib/db/batch.ts changeWithRecord); no entry if the change touched no row. */
export function changeAudited(db: Db, change: Statement, entries: AuditEntry[], now: Date, options: AuditInsertOptions = {}): Promise<StatementResult> {
  return changeWithRecord(db, change, entries.length ? auditInsert(entries, now, options) : null);
}

/** An audit entry with no change of its own to go with. */
export async function recordAudit(db: Db, entry: AuditEntry, now = new Date()): Promise<void> {
  await writeBatch(db, [auditInsert([entry], now, { guard: false })]);
}

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The page's query string, read leniently: a bad value is ignored, not an error page. */
export const auditFilters = z.object({
  action: z.string().regex(/^[a-z_]+\.[a-z_]+$/).optional().catch(undefined),
  actor: z.coerce.number().int().positive().optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export interface AuditRow {
  id: number;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  before: string | null;
  after: string | null;
}

/** Newest first, one page at a time; dates are factory days. Admins only. */
export async function listAuditEntries(
  db: Db,
  actor: Who,
  filters: AuditFilters,
  timeZone: string,
): Promise<{ rows: AuditRow[]; total: number; pages: number; page: number }> {
  if (!can(actor, "audit.view")) refuse("forbidden");
  const createdAt = {
    ...(filters.from ? { gte: startOfFactoryDay(filters.from, timeZone) } : {}),
  } as { gte?: Date; lt?: Date };
  // `to` is inclusive: the end is the start of the following factory day.
  if (filters.to) {
    createdAt.lt = startOfFactoryDay(nextDay(filters.to), timeZone);
  }
  const where = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    include: { actor: { select: { name: true } } },
  });
  return {
    total,
    pages,
    page,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actorName: r.actor?.name ?? null,
      before: r.before,
      after: r.after,
    })),
  };
}

/** The choices of the filter menus: actions that occur, and people who acted. */
export async function listAuditFilterOptions(db: Db, actor: Who) {
  if (!can(actor, "audit.view")) refuse("forbidden");
  const [actions, actors] = await Promise.all([
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.user.findMany({ where: { auditEntries: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), actors };
}
