import type { Metadata } from "next";
import Link from "next/link";
import { PlanningCalendar, PlanningList } from "@/components/plans/planning-calendar";
import { PlanningFilters } from "@/components/plans/planning-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/permissions";
import { getPlanning, listAssignable, listMachineChoices, planningFilters } from "@/lib/plans/queries";
import { getMessages, getRequestSettings, requirePermission } from "@/lib/request";
import { assigneeLabel } from "@/lib/tickets/model";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.plans.planning.title };
}

export default async function PlanningPage({ searchParams }: PageProps<"/planning">) {
  const user = await requirePermission("plan.view");
  const { machine, assignee } = planningFilters.parse(await searchParams);
  const db = await getDb();
  const [{ t, locale }, { timeZone }, machines, people] = await Promise.all([getMessages(), getRequestSettings(), listMachineChoices(db), listAssignable(db)]);
  const planning = await getPlanning(db, new Date(), timeZone, { machineId: machine, assignee });
  const names = new Map(people.map((p) => [p.id, p.name]));
  const view = { planning, assigneeOf: (id: number) => assigneeLabel(id, (n) => names.get(n), t), locale, timeZone, t };
  const p = t.plans.planning;
  return (
    <div className="space-y-6">
      <PageHeader title={p.title} intro={p.intro} />
      <PlanningFilters machines={machines} people={people} machine={machine} assignee={assignee} t={t} />
      {can(user, "plan.manage") && planning.flagged.length > 0 && (
        <section aria-labelledby="flagged-plans" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <h2 id="flagged-plans" className="font-semibold">{p.flaggedTitle}</h2>
          <p className="text-sm">{p.flaggedIntro}</p>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {planning.flagged.map((plan) => (
              <li key={plan.id}><Link href={`/machines/${plan.machineId}#machine-plans`} className="underline">{plan.title}</Link> · {plan.machine}</li>
            ))}
          </ul>
        </section>
      )}
      {planning.items.length === 0 ? (
        <EmptyState>{p.empty}</EmptyState>
      ) : (
        <>
          <div className="hidden md:block"><PlanningCalendar {...view} /></div>
          <div className="md:hidden"><PlanningList {...view} /></div>
        </>
      )}
    </div>
  );
}
