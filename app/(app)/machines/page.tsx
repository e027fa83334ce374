import type { Metadata } from "next";
import Link from "next/link";
import { MachineList } from "@/components/machines/machine-list";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/request";
import { listMachines } from "@/lib/machines/queries";
import { can } from "@/lib/permissions";
import { getRequestSettings, requireTicketReader } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.machines.list.title };
}

export default async function MachinesPage({ searchParams }: PageProps<"/machines">) {
  const user = await requireTicketReader();
  const { q } = await searchParams;
  const search = (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 100) ?? "";
  const [{ t, locale }, settings, machines] = await Promise.all([getMessages(), getRequestSettings(), listMachines(await getDb(), user, { search })]);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t.machines.list.title}</h1>
        {can(user, "machine.manage") && <Link href="/machines/new" className="btn-primary">+ {t.machines.list.add}</Link>}
      </div>
      <MachineList machines={machines} search={search} t={t} locale={locale} timeZone={settings.timeZone} selectable={can(user, "machine.manage")} />
    </div>
  );
}
