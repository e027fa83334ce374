import { EmptyState } from "@/components/ui/empty-state";
import type { Locale, Messages } from "@/lib/i18n";
import type { PlanFormDates, PlanSummary } from "@/lib/plans/model";
import { PlanCard } from "./plan-card";
import { PlanForm } from "./plan-form";

interface MachinePlansProps {
  machineId: number;
  plans: PlanSummary[];
  canManage: boolean;
  people: { id: number; name: string }[];
  dates: PlanFormDates;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** The machine page's preventive maintenance: its plans, and for leads the form of a new one. */
export function MachinePlans({ machineId, plans, canManage, people, dates, locale, timeZone, t }: MachinePlansProps) {
  const s = t.plans.section;
  return (
    <section aria-labelledby="machine-plans" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <h2 id="machine-plans" className="text-lg font-semibold">{s.title}</h2>
        <p className="text-sm text-slate-600">{s.intro}</p>
      </div>
      {plans.length ? (
        <ul className="space-y-3">
          {plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} canManage={canManage} people={people} dates={dates} locale={locale} timeZone={timeZone} t={t} />
          ))}
        </ul>
      ) : (
        <EmptyState>{s.empty}</EmptyState>
      )}
      {canManage && (
        <details className="border-t border-slate-200 pt-3">
          <summary className="btn-secondary inline-flex cursor-pointer">{s.add}</summary>
          <div className="mt-3">
            <PlanForm machineId={machineId} people={people} dates={dates} t={t} />
          </div>
        </details>
      )}
    </section>
  );
}
