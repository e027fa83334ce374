import type { Messages } from "@/lib/i18n";

const styles: Record<string, string> = {
  low: "bg-slate-100 text-slate-700 ring-slate-300",
  medium: "bg-sky-50 text-sky-800 ring-sky-300",
  high: "bg-amber-50 text-amber-900 ring-amber-400",
  critical: "bg-red-50 text-red-800 ring-red-400",
};

/** Colour and text: priority must never be told by colour alone. */
export function PriorityBadge({ priority, t }: { priority: string; t: Messages }) {
  return <PriorityPill priority={priority} label={t.priority[priority as keyof Messages["priority"]] ?? priority} />;
}

/** The same badge from a label alone: for client components, which do not receive the whole catalogue. */
export function PriorityPill({ priority, label }: { priority: string; label: string }) {
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ring-1 ${styles[priority] ?? styles.low}`}>
      {label}
    </span>
  );
}
