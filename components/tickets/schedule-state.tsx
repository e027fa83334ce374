import { Icon } from "@/components/shell/icons";
import type { ScheduleView } from "@/lib/tickets/schedule";

/** A ticket's scheduled date in words; late, it is red, bold and marked with a warning icon (never colour alone). */
export function ScheduleState({ view }: { view: ScheduleView | null }) {
  if (!view) return null;
  return (
    <p
      className={view.late ? "flex items-start gap-1 text-sm font-semibold text-red-700" : "text-sm text-slate-700"}
      data-testid="schedule-state"
    >
      {view.late && <Icon name="warning" className="mt-0.5 size-4 shrink-0" />}
      <time dateTime={view.iso} title={view.title}>
        {view.text}
      </time>
    </p>
  );
}
