import type { Metadata } from "next";
import { TicketForm } from "@/components/tickets/ticket-form";
import { getDb } from "@/lib/db";
import { getMessages } from "@/lib/request";
import { listMachines } from "@/lib/machines/queries";
import { machineLabel } from "@/lib/machines/model";
import { requireTicketReader } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.tickets.create.title };
}

export default async function NewTicketPage({ searchParams }: PageProps<"/tickets/new">) {
  const user = await requireTicketReader();
  const [{ t }, machines, { machine }] = await Promise.all([getMessages(), listMachines(await getDb(), user), searchParams]);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{t.tickets.create.title}</h1>
      <p className="mb-5 text-slate-600">{t.tickets.create.intro}</p>
      {machines.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4">{t.tickets.create.noMachines}</p>
      ) : (
        <TicketForm machines={machines.map((m) => ({ id: m.id, label: machineLabel(m) }))} machineId={Number(machine) || undefined} t={t} />
      )}
    </div>
  );
}
