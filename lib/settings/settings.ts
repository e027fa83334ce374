// The factory's settings: one row per key in `settings`, JSON values, each read
// through a schema with its default. Webhook settings live in the same table under
// "webhook.*" keys (lib/webhooks/config.ts) and are written the same way.
import { z } from "zod";
import { changeAudited, type AuditEntry } from "../audit";
import { sql, sqlDate } from "../db/sql";
import { type Db } from "../db/client";
import { defineOperation, refuse, type RuleCode } from "../operation";
import { checkOutboundUrl } from "../outbound-url";
import { ticketVisibilities } from "../permissions";

export function isTimeZone(tz: string): boolean {
  // Intl accepts some legacy spellings too; requiring an Area/Location shape
  // (or UTC) keeps the setting to real IANA names that every consumer knows.
  if (!/^([A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2}|UTC)$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const companyName = z.string().trim().min(1).max(80);
const timeZone = z.string().trim().refine(isTimeZone, "Unknown IANA time zone");
const defaultLocale = z.enum(["fr", "en"]);
const ticketPrefix = z.string().trim().regex(/^[A-Z0-9]{1,8}$/);
const operatorTicketVisibility = z.enum(ticketVisibilities);
// Where people open Atelier: the QR labels and the overdue alerts link to it. Empty:
// APP_URL from the environment, else (labels) the address the admin prints from.
const appUrl = z.string().trim().max(300).refine((url) => !url || !checkOutboundUrl(url, { allowPrivate: true }));
/** Object key in R2 (binding MEDIA), written only by lib/settings/logo.ts. */
const logoKey = z.string().regex(/^branding\/logo-[a-z0-9-]+\.(png|jpg|webp)$/).nullable();

// Every setting with its default: a missing or unreadable row falls back here,
// so a fresh database works without a settings seed.
export const settingsSchema = z.object({
  companyName: companyName.catch("Atelier"),
  timeZone: timeZone.catch("America/Toronto"),
  defaultLocale: defaultLocale.catch("fr"),
  ticketPrefix: ticketPrefix.catch("TKT"),
  logoKey: logoKey.catch(null),
  // Operators see only what they reported unless the plant opens every ticket to them
  // (canSeeTicket, lib/permissions.ts). No install has this row before an admin saves
  // it, so new and existing installs alike start with "own".
  operatorTicketVisibility: operatorTicketVisibility.catch("own"),
  appUrl: appUrl.catch(""),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** What the settings form edits; the logo has its own upload (lib/settings/logo.ts). */
export const settingsInput = z.object({
  companyName: z.string(),
  timeZone: z.string(),
  defaultLocale: z.string(),
  ticketPrefix: z.string(),
  /** Optional: a caller that does not send it keeps the current value. */
  operatorTicketVisibility: z.string().optional(),
  /** Optional, like the visibility: a caller that does not send it keeps the current value. */
  appUrl: z.string().optional(),
});

// Field -> the rule that refuses a bad value.
const editable: Record<keyof z.infer<typeof settingsInput>, [z.ZodType, RuleCode]> = {
  companyName: [companyName, "badCompanyName"],
  timeZone: [timeZone, "badTimeZone"],
  defaultLocale: [defaultLocale, "badLocale"],
  ticketPrefix: [ticketPrefix, "badPrefix"],
  operatorTicketVisibility: [operatorTicketVisibility, "invalid"],
  appUrl: [appUrl, "appUrl"],
};

// What `npm start` serves. Only a local run may fall back to it: a deployment that
// sent it would put a link to the reader's own computer in every alert.
const LOCAL_APP_URL = "http://localhost:8787";

/** Atelier's public address: the setting, else APP_URL, else (a local run only) localhost; null when none is known. */
export function resolveAppUrl(setting: string, env: { APP_URL?: string; APP_ENV?: string }): string | null {
  const url = setting.trim() || env.APP_URL?.trim() || (env.APP_ENV === "local" ? LOCAL_APP_URL : "");
  return url.replace(/\/+$/, "") || null;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The rows under `prefix` ("webhook.", "retention."), keyed without it; an unreadable value is left out, so it takes its default. */
export function settingsUnder(prefix: string, rows: { key: string; value: string }[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const row of rows) {
    if (!row.key.startsWith(prefix)) continue;
    const value = parseValue(row.value);
    if (value !== undefined) raw[row.key.slice(prefix.length)] = value;
  }
  return raw;
}

/** All settings in one query, each validated and defaulted. */
export async function getSettings(db: Db): Promise<Settings> {
  return parseSettings(await getSettingRows(db));
}

/** Every row of `settings`: the cron reads them once and parses the factory's, webhook and retention settings from them. */
export function getSettingRows(db: Db): Promise<{ key: string; value: string }[]> {
  return db.setting.findMany({ select: { key: true, value: true } });
}

export function parseSettings(rows: { key: string; value: string }[]): Settings {
  const raw: Record<string, unknown> = {};
  for (const row of rows) raw[row.key] = parseValue(row.value);
  return settingsSchema.parse(raw);
}

/**
 * Writes several settings in one statement, one JSON parameter, and their audit
 * entries with it in one D1 batch: all or none. `prefix` namespaces the keys
 * ("webhook." for lib/webhooks/config.ts).
 */
export async function writeSettings(
  db: Db,
  values: Record<string, unknown>,
  { actorId, now, prefix = "", audit }: { actorId: number; now: Date; prefix?: string; audit: AuditEntry[] },
): Promise<void> {
  const entries = Object.entries(values).map(([k, v]) => ({ k: prefix + k, v: JSON.stringify(v) }));
  if (entries.length === 0) return;
  const change = sql`
    INSERT INTO settings (key, value, updated_at, updated_by)
    SELECT json_extract(e.value, '$.k'), json_extract(e.value, '$.v'), ${sqlDate(now)}, ${actorId}
    FROM json_each(${JSON.stringify(entries)}) AS e WHERE true
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
  await changeAudited(db, change, audit, now);
}

/** One audit entry per changed setting, with its value before and after. */
export function settingChanges(actorId: number, before: Partial<Settings>, after: Partial<Settings>): AuditEntry[] {
  return (Object.keys(after) as SettingKey[]).map((key) => ({
    actorId,
    action: "setting.changed",
    entityType: "setting",
    entityId: key,
    before: { [key]: before[key] ?? null },
    after: { [key]: after[key] ?? null },
  }));
}

/**
 * Validates every field first; one bad value refuses the whole form and keeps
 * every old value. Returns the keys that actually changed.
 */
export const updateSettings = defineOperation(
  { input: settingsInput, permission: "settings.manage" },
  async (raw, { db, user, now = new Date() }): Promise<SettingKey[]> => {
    const next: Partial<Settings> = {};
    const problems: Record<string, RuleCode> = {};
    for (const [key, [schema, code]] of Object.entries(editable)) {
      if (raw[key as keyof typeof raw] === undefined) continue;
      const parsed = schema.safeParse(raw[key as keyof typeof raw]);
      if (parsed.success) Object.assign(next, { [key]: parsed.data });
      else problems[key] = code;
    }
    const [first] = Object.values(problems);
    if (first) refuse(first, { fields: problems });

    const current = await getSettings(db);
    const changed = (Object.keys(next) as SettingKey[]).filter((key) => next[key] !== current[key]);
    if (changed.length === 0) return [];
    const values = Object.fromEntries(changed.map((key) => [key, next[key]])) as Partial<Settings>;
    await writeSettings(db, values, { actorId: user.id, now, audit: settingChanges(user.id, current, values) });
    return changed;
  },
);
