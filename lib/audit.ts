import type { Db } from "./db";

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

/** Appends one administrative action to audit_logs (read-only everywhere else). */
export async function recordAudit(db: Db, entry: AuditEntry, now = new Date()): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: redact(entry.before),
      after: redact(entry.after),
      createdAt: now,
    },
  });
}
