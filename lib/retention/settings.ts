// How long Atelier keeps what piles up on its own: "retention.*" rows in the
// shared `settings` table, read with their defaults; purge.ts purges by them.
import { z } from "zod";
import type { Db } from "../db/client";
import { defineOperation, refuse, type RuleCode } from "../operation";
import { settingsUnder, writeSettings } from "../settings/settings";

export const RETENTION_KEY_PREFIX = "retention.";
/** The cron_runs job name of the purge (lib/retention/purge.ts). */
export const RETENTION_JOB = "retention";

// Days. The audit log keeps at least a year (the floor) and three years by
// default: long enough for a yearly review and any dispute about an account or a
// setting, while the names and addresses in its snapshots do not stay forever.
const ranges = {
  signInAttemptsDays: { min: 1, max: 3650, default: 30, rule: "retentionDays" },
  cronRunsDays: { min: 1, max: 3650, default: 90, rule: "retentionDays" },
  webhookDays: { min: 1, max: 3650, default: 180, rule: "retentionDays" },
  auditDays: { min: 365, max: 36500, default: 1095, rule: "retentionAuditDays" },
  deletedMediaDays: { min: 1, max: 3650, default: 30, rule: "retentionDays" },
  // After a notification was read: a quarter is long enough to look back at what the bell said.
  notificationsDays: { min: 1, max: 3650, default: 90, rule: "retentionDays" },
} as const satisfies Record<string, { min: number; max: number; default: number; rule: RuleCode }>;
export type RetentionKey = keyof typeof ranges;
export const retentionKeys = Object.keys(ranges) as RetentionKey[];

const days = (key: RetentionKey) => z.coerce.number().int().min(ranges[key].min).max(ranges[key].max);

export const retentionSchema = z.object(
  Object.fromEntries(retentionKeys.map((key) => [key, days(key).catch(ranges[key].default)])) as Record<RetentionKey, z.ZodCatch<z.ZodCoercedNumber>>,
);
export type RetentionSettings = Record<RetentionKey, number>;

export async function getRetentionSettings(db: Db): Promise<RetentionSettings> {
  return parseRetentionSettings(await db.setting.findMany({ where: { key: { startsWith: RETENTION_KEY_PREFIX } }, select: { key: true, value: true } }));
}

/** The "retention.*" rows among `rows` (others are ignored), each with its default. */
export function parseRetentionSettings(rows: { key: string; value: string }[]): RetentionSettings {
  const raw = settingsUnder(RETENTION_KEY_PREFIX, rows);
  return retentionSchema.parse(raw) as RetentionSettings;
}

/** The last purge the cron recorded (cron_runs, job "retention"), for the settings page. */
export async function getLastPurge(db: Db): Promise<{ at: Date; count: number } | null> {
  const run = await db.cronRun.findFirst({
    where: { job: RETENTION_JOB, outcome: "success" },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true, found: true },
  });
  return run && { at: run.startedAt, count: run.found };
}

export const retentionInput = z.object(Object.fromEntries(retentionKeys.map((key) => [key, z.string()])) as Record<RetentionKey, z.ZodString>);

/** All fields checked first: one bad value refuses the form and keeps every old value. Returns the keys that changed. */
export const updateRetentionSettings = defineOperation(
  { input: retentionInput, permission: "settings.manage" },
  async (raw, { db, user, now = new Date() }): Promise<RetentionKey[]> => {
    const next: Partial<RetentionSettings> = {};
    const problems: Partial<Record<RetentionKey, RuleCode>> = {};
    for (const key of retentionKeys) {
      const parsed = days(key).safeParse(raw[key].trim() === "" ? Number.NaN : raw[key]);
      if (parsed.success) next[key] = parsed.data;
      else problems[key] = ranges[key].rule;
    }
    const [first] = Object.values(problems);
    if (first) refuse(first, { fields: problems });

    const current = await getRetentionSettings(db);
    const changed = retentionKeys.filter((key) => next[key] !== current[key]);
    if (!changed.length) return [];
    const values = Object.fromEntries(changed.map((key) => [key, next[key]]));
    const before = Object.fromEntries(changed.map((key) => [key, current[key]]));
    await writeSettings(db, values, {
      actorId: user.id,
      now,
      prefix: RETENTION_KEY_PREFIX,
      audit: [{ actorId: user.id, action: "setting.changed", entityType: "setting", entityId: "retention", before, after: values }],
    });
    return changed;
  },
);
