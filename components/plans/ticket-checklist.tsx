import { formatDateTime } from "@/lib/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import type { TicketChecklist as Checklist } from "@/lib/plans/queries";
import Link from "next/link";
import { ChecklistStep } from "./checklist-step";

interface TicketChecklistProps {
  checklist: Checklist;
  canCheck: boolean;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** A generated ticket's plan and its checklist, as copied from the plan when the ticket was created. */
export function TicketChecklist({ checklist, canCheck, locale, timeZone, t }: TicketChecklistProps) {
  const c = t.plans.checklist;
  const { plan, steps } = checklist;
  const done = steps.filter((s) => s.doneAt).length;
  return (
    <section aria-labelledby="checklist-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <h2 id="checklist-title" className="text-lg font-semibold">{c.title}</h2>
        <p className="text-sm text-slate-600">
          {plan.deletedAt ? (
            <>{format(c.fromPlan, { title: plan.title })} {c.deletedPlan}</>
          ) : (
            <Link href={`/machines/${plan.machineId}#machine-plans`} className="underline">{format(c.fromPlan, { title: plan.title })}</Link>
          )}
        </p>
        <p className="text-sm text-slate-600" data-testid="checklist-progress">{format(c.progress, { done, total: steps.length })}</p>
      </div>
      <ul className="space-y-3">
        {steps.map((step) => (
          <ChecklistStep
            key={`${step.id}-${step.doneAt?.getTime() ?? 0}`}
            id={step.id}
            label={step.label}
            done={step.doneAt !== null}
            doneBy={step.doneAt ? format(c.done, { name: step.doer?.name ?? t.tickets.timeline.someone, when: formatDateTime(step.doneAt, locale, timeZone) }) : null}
            canCheck={canCheck}
          />
        ))}
      </ul>
    </section>
  );
}
