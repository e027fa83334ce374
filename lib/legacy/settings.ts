// Settings: the webhook's URL and whether alerts were on (the old cron sent
// whenever a URL was set), the plant's time zone and its name. Everything else
// in system_settings has no equivalent and is named in the report.
import { isTimeZone } from "../settings/settings";
import type { PlanContext } from "./context";
import { rowsOf, text, words } from "./export";
import { addNote } from "./report";

/** Settings that fed the old system's AI assistant. */
export const AI_SETTING = /(^ai_|_ai$|prompt|^industry_|assistant)/i;

export function mapSettings(ctx: PlanContext): string[] {
  const source = rowsOf(ctx.source, "system_settings");
  const values = new Map(source.map((row) => [words(row.setting_key) ?? "", text(row.setting_value) ?? ""]));
  const taken: string[] = [];
  const set = (key: string, value: unknown) => ctx.rows.settings.push({ key, value: JSON.stringify(value), updated_at: ctx.now });
  const used = new Set<string>();

  const url = values.get("webhook_url")?.trim() ?? "";
  used.add("webhook_url");
  set("webhook.url", url);
  set("webhook.enabled", url !== "");

  const zone = ["location_timezone", "timezone", "time_zone"].find((key) => values.has(key));
  if (zone && isTimeZone(values.get(zone)!.trim())) {
    used.add(zone);
    set("timeZone", values.get(zone)!.trim());
    taken.push(`timeZone = ${values.get(zone)!.trim()}`);
  }
  const company = ["company_name", "company_subtitle"].find((key) => (values.get(key)?.trim().length ?? 0) > 0);
  if (company && values.get(company)!.trim().length <= 80) {
    used.add(company);
    set("companyName", values.get(company)!.trim());
    taken.push(`companyName = ${values.get(company)!.trim()}`);
  }

  const logo = values.get("company_logo_url")?.trim();
  used.add("company_logo_url");
  const ai = [...values.keys()].filter((key) => AI_SETTING.test(key));
  for (const key of ai) used.add(key);
  const rest = [...values.keys()].filter((key) => key && !used.has(key));

  ctx.count("system_settings", source.length, source.length - rest.length - ai.length - (logo ? 1 : 0));
  addNote(ctx.report.imported, "webhookSettings", 1, { values: { state: url ? "on" : "off", url: url || "—" } });
  addNote(ctx.report.imported, "settingsTaken", taken.length, { items: taken });
  addNote(ctx.report.notImported, "logo", logo ? 1 : 0, { values: { value: logo ?? "" } });
  addNote(ctx.report.notImported, "settingsNotCarried", rest.length, { items: rest });
  return ai;
}
