import { z } from "zod";
import type { Db } from "./db";

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "Unknown IANA time zone");

// Every setting with its default: a missing or unreadable row falls back here,
// so a fresh database works without a settings seed.
export const settingsSchema = z.object({
  companyName: z.string().trim().min(1).max(80).catch("Atelier"),
  timeZone: timeZone.catch("America/Toronto"),
  defaultLocale: z.enum(["fr", "en"]).catch("fr"),
  ticketPrefix: z.string().regex(/^[A-Z0-9]{1,8}$/).catch("TKT"),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** All settings in one query, each validated and defaulted. */
export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.setting.findMany({ select: { key: true, value: true } });
  const raw: Record<string, unknown> = {};
  for (const row of rows) raw[row.key] = parseValue(row.value);
  return settingsSchema.parse(raw);
}
