import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MachineForm } from "@/components/machines/machine-form";
import { getMessages } from "@/lib/request";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.machines.page.newTitle };
}

export default async function NewMachinePage() {
  const user = await requireUser();
  if (!can(user, "machine.manage")) notFound();
  const { t } = await getMessages();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-4 text-2xl font-semibold">{t.machines.page.newTitle}</h1>
      <MachineForm t={t} />
    </div>
  );
}
