import type { ScheduleView } from "@/lib/tickets/schedule";

export function ScheduleState({ view }: { view: ScheduleView | null }) {
  if (!view) return null;
  return (
    <p className={view.late ? "text-sm font-semibold text-red-700" : "text-sm text-slate-700"} data-testid="schedule-state">
      <time dateTime={view.iso} title={view.title}>
        {view.text}
      </time>
    </p>
  );
}
