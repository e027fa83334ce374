import type { Messages } from "@/lib/i18n";

/** "user.role_changed" in the reader's language; an action without a label shows as recorded. */
export function actionLabel(action: string, t: Messages): string {
  const labels: Record<string, string> = t.admin.audit.actions;
  return labels[action.replace(".", "_")] ?? action;
}

export function entityLabel(type: string, id: string | null, t: Messages): string {
  const labels: Record<string, string> = t.admin.audit.entities;
  const name = labels[type] ?? type;
  return id ? `${name} ${type === "setting" ? id : `#${id}`}` : name;
}

/** Each key whose value differs, as [key, before, after] texts. Values are shown as text, never as HTML. */
export function changedValues(before: string | null, after: string | null): [string, string, string][] {
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
  const show = (v: unknown) => (v === undefined || v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const changed = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return (changed.length ? changed : keys).map((k) => [k, show(a[k]), show(b[k])]);
}
