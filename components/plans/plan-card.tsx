import { deletePlanAction, setPlanPausedAction } from "@/app/(app)/machines/actions";
import { ActionButton } from "@/components/ui/action-button";
import { formatDateTime } from "@/lib/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { FLAG_AFTER_MISSED, isFlagged, type PlanFormDates, type PlanSummary } from "@/lib/plans/model";
import { assigneeLabel } from "@/lib/tickets/model";
import { PlanForm } from "./plan-form";

interface PlanCardProps {
  plan: PlanSummary;
  canManage: boolean;
  people: { id: number; name: string }[];
  dates: PlanFormDates;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** One plan: its rule, its next occurrence, the flag; for leads, edit, pause and delete. */
export function PlanCard({ plan, canManage, people, dates, locale, timeZone, t }: PlanCardProps) {
  const s = t.plans.section;
  const a = t.plans.actions;
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (
    <li className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="plan">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold break-words">{plan.title}</h3>
        {plan.paused && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">{s.paused}</span>}
        <span className="text-sm text-slate-600">{t.priority[plan.priority as keyof Messages["priority"]] ?? plan.priority}</span>
      </div>
      {canManage && isFlagged(plan) && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" title={s.flaggedHelp}>
          {format(s.flagged, { count: FLAG_AFTER_MISSED })} <span className="block text-xs">{s.flaggedHelp}</span>
        </p>
      )}
      <p className="text-sm">{format(t.plans.recurrence[plan.recurrence], { n: plan.interval, time: plan.timeOfDay }, locale)}</p>
      <p className="text-sm text-slate-700">
        {plan.nextDueAt ? format(s.next, { when: formatDateTime(plan.nextDueAt, locale, timeZone) }) : s.waiting}
        {" · "}
        {format(s.nextCreated, { lead: plan.leadDays }, locale)}
      </p>
      <p className="text-sm text-slate-700">
        {format(s.assignee, { name: assigneeLabel(plan.assignedTo, (id) => names.get(id), t) })} · {format(s.steps, { count: plan.steps.length }, locale)}
      </p>
      {canManage && (
        <div className="space-y-2 border-t border-slate-200 pt-2">
          <details>
            <summary className="cursor-pointer text-sm font-medium text-slate-800 underline">{s.edit}</summary>
            <div className="mt-3">
              <PlanForm machineId={plan.machineId} plan={plan} people={people} dates={dates} t={t} />
            </div>
          </details>
          <div className="flex flex-wrap gap-2">
            <ActionButton
              action={setPlanPausedAction.bind(null, { id: plan.id, paused: plan.paused ? "0" : "1" })}
              label={plan.paused ? a.resume : a.pause}
              pendingLabel={a.working}
              aria-label={`${plan.paused ? a.resume : a.pause} : ${plan.title}`}
            />
            <ActionButton
              action={deletePlanAction.bind(null, { id: plan.id })}
              label={a.delete}
              pendingLabel={a.deleting}
              aria-label={`${a.delete} : ${plan.title}`}
              confirm={{ question: format(a.deleteConfirm, { title: plan.title }), confirmLabel: a.delete, cancelLabel: t.common.cancel, danger: true }}
              className="btn-secondary text-red-700"
            />
          </div>
        </div>
      )}
    </li>
  );
}
