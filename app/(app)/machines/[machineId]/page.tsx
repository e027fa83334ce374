import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MachineAdmin } from "@/components/machines/machine-admin";
import { MachineHistory } from "@/components/machines/machine-history";
import { DownBadge } from "@/components/machines/down-badge";
import { MachineStatusBadge } from "@/components/machines/machine-status-badge";
import { MachinePlans } from "@/components/plans/machine-plans";
import { planFormDates } from "@/lib/plans/model";
import { listAssignable, listMachinePlans } from "@/lib/plans/queries";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/request";
import { getMachine } from "@/lib/machines/queries";
import { loadColumns } from "@/lib/tickets/columns";
import { machineLabel } from "@/lib/machines/model";
import { can } from "@/lib/permissions";
import { getRequestSettings } from "@/lib/request";
import { requireTicketReader } from "@/lib/request";

// Read once per request: the metadata and the page both need the machine (cache() keys on the id string).
const loadMachine = cache(async (machineId: string) => {
  const id = Number(machineId);
  return Number.isInteger(id) && id > 0 ? getMachine(await getDb(), id, await requireTicketReader()) : null;
});

async function load(params: PageProps<"/machines/[machineId]">["params"]) {
  return loadMachine((await params).machineId);
}

export async function generateMetadata({ params }: PageProps<"/machines/[machineId]">): Promise<Metadata> {
  const machine = await load(params);
  // Here too: the tab then takes the 404's own title instead of none.
  if (!machine) notFound();
  return { title: machineLabel(machine) };
}

export default async function MachinePage({ params }: PageProps<"/machines/[machineId]">) {
  const user = await requireTicketReader();
  const [{ locale, t }, settings, machine, columns] = await Promise.all([getMessages(), getRequestSettings(), load(params), loadColumns(await getDb())]);
  if (!machine) notFound();
  const f = t.machines.fields;
  const [plans, people] = can(user, "plan.view") ? await Promise.all([listMachinePlans(await getDb(), machine.id), listAssignable(await getDb())]) : [null, []];
  return (
    <div className="space-y-6">
      <div>
        <Link href="/machines" className="text-sm text-slate-600 underline">← {t.machines.page.backToList}</Link>
        <h1 className="mt-2 text-2xl font-semibold">{machineLabel(machine)}</h1>
        <div className="mt-1 flex flex-wrap gap-2">
          <DownBadge downSince={machine.downSince} locale={locale} timeZone={settings.timeZone} t={t} />
          <MachineStatusBadge status={machine.status} t={t} />
        </div>
      </div>
      <section aria-labelledby="machine-details" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="machine-details" className="sr-only">{t.machines.page.details}</h2>
        <dl className="grid gap-2 sm:grid-cols-3">
          {[[f.serialNumber, machine.serialNumber], [f.location, machine.location], [f.model, machine.model]].map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-500">{label}</dt>
              <dd className="font-medium">{value || "—"}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          <Link href={`/tickets/new?machine=${machine.id}`} className="btn-secondary">{t.machines.page.reportProblem}</Link>
          {can(user, "machine.manage") && <Link href={`/machines/labels?machine=${machine.id}`} className="btn-secondary">{t.labels.printOne}</Link>}
        </div>
      </section>
      {plans && (
        <MachinePlans
          machineId={machine.id}
          plans={plans}
          canManage={can(user, "plan.manage")}
          people={people}
          dates={planFormDates(new Date(), settings.timeZone)}
          locale={locale}
          timeZone={settings.timeZone}
          t={t}
        />
      )}
      <MachineHistory tickets={machine.tickets} columns={columns} locale={locale} timeZone={settings.timeZone} t={t} />
      {can(user, "machine.manage") && <MachineAdmin machine={machine} t={t} />}
    </div>
  );
}
