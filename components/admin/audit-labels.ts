import { formatDateTime, formatDay } from "@/lib/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { TEAM_ASSIGNEE } from "@/lib/tickets/model";

/** "user.role_changed" in the reader's language; an action without a label shows as recorded. */
export function actionLabel(action: string, t: Messages): string {
  const labels: Record<string, string> = t.admin.audit.actions;
  return labels[action.replace(".", "_")] ?? action;
}

export function entityLabel(type: string, id: string | null, t: Messages): string {
  const labels: Record<string, string> = t.admin.audit.entities;
  const name = labels[type] ?? type;
  if (!id) return name;
  if (type !== "setting") return `${name} #${id}`;
  // A setting entry names its setting ("companyName", "webhook.secret"): by its label.
  return `${name} · ${fieldLabel(id.replace(/^webhook\./, ""), t)}`;
}

/** One recorded field, worded for the reader. */
export interface AuditChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

export type AuditField = keyof Messages["admin"]["audit"]["fields"];

// Bookkeeping the entry itself already says (which machine, when).
const HIDDEN = new Set(["id", "createdAt", "updatedAt"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A field's label; a field no catalogue knows yet shows as recorded rather than disappearing. */
export function fieldLabel(key: string, t: Messages): string {
  const labels: Record<string, string> = t.admin.audit.fields;
  return labels[key] ?? key;
}

/**
 * A recorded value as the reader says it: role, status, priority names, yes/no, dates in the factory's time;
 * a board column recorded by its key, by its name (`columns`: every column's, deleted ones too).
 */
export function valueText(key: string, value: unknown, t: Messages, locale: Locale, timeZone: string, columns: Record<string, string> = {}): string {
  const a = t.admin.audit;
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? a.yes : a.no;
  // A plan's checklist, step by step as the ticket shows it.
  if (key === "steps" && Array.isArray(value)) return value.length ? value.map((step, i) => `${i + 1}. ${String(step)}`).join(" · ") : "—";
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(key, v, t, locale, timeZone, columns)).join(", ") : "—";
  if (typeof value === "number") {
    if (key === "windowHours") return format(a.hours, { count: value }, locale);
    if (key === "pauseMs") return format(a.milliseconds, { count: value.toLocaleString(locale) });
    // A plan assigned to the whole team records TEAM_ASSIGNEE; a person, by name (lib/plans/operations.ts).
    if (key === "assignee" && value === TEAM_ASSIGNEE) return a.team;
    if (key.endsWith("Days")) return format(a.days, { count: value }, locale);
    return value.toLocaleString(locale);
  }
  if (typeof value !== "string") return JSON.stringify(value);
  const named: Record<string, Record<string, string> | undefined> = {
    role: t.roles,
    status: t.admin.machineStatus,
    locale: t.profile.languages,
    defaultLocale: t.profile.languages,
    operatorTicketVisibility: { all: t.admin.settings.visibilityAll, own: t.admin.settings.visibilityOwn },
    priority: t.priority,
    recurrence: a.recurrences,
    urgency: t.tv.urgencies,
    stage: t.columns.stages,
    color: t.columns.colors,
    column: columns,
    order: columns,
  };
  const name = named[key]?.[value];
  if (name) return name;
  if (key === "logoKey") return a.logoSet;
  if (key === "startDate" && CALENDAR_DAY.test(value)) return formatDay(value, locale);
  if (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value), locale, timeZone);
  return value;
}

/** The fields an entry changed (or all of them, for a creation), labelled and worded. Text only, never HTML. */
export function changedValues(
  before: string | null,
  after: string | null,
  t: Messages,
  locale: Locale,
  timeZone: string,
  columns: Record<string, string> = {},
): AuditChange[] {
  const parse = (text: string | null): Record<string, unknown> => {
    try {
      const value: unknown = text ? JSON.parse(text) : {};
      return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
    } catch {
      return { value: text };
    }
  };
  const a = parse(before);
  const b = parse(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !HIDDEN.has(k));
  const changed = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return (changed.length ? changed : keys).map((key) => ({
    key,
    label: fieldLabel(key, t),
    before: valueText(key, a[key], t, locale, timeZone, columns),
    after: valueText(key, b[key], t, locale, timeZone, columns),
  }));
}
