import type { Metadata } from "next";
import { CsvExportForm } from "@/components/admin/csv-export-form";
import { MachineImport } from "@/components/admin/machine-import";
import { getMessages } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/session";
import { machineImportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.data.title };
}

export default async function DataPage() {
  await requirePermission("machine.manage");
  const { t } = await getMessages();
  const d = t.admin.data;
  const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6";
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{d.title}</h1>
        <p className="text-slate-600">{d.intro}</p>
      </div>
      <section className={card} aria-labelledby="export-heading">
        <h2 id="export-heading" className="text-lg font-semibold">{d.exportHeading}</h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <CsvExportForm action="/tickets/export" id="tickets" title={d.exportTickets} help={d.exportTicketsHelp} t={t} />
          <CsvExportForm action="/machines/export" id="machines" title={d.exportMachines} help={d.exportMachinesHelp} t={t} />
        </div>
      </section>
      <section className={card} aria-labelledby="import-heading">
        <h2 id="import-heading" className="text-lg font-semibold">{d.importHeading}</h2>
        <MachineImport
          action={machineImportAction}
          labels={{
            ...d,
            help: d.importHelp,
            problems: d.csv,
            columns: t.admin.csvColumns,
            statuses: t.admin.machineStatus,
            confirmLabel: t.admin.confirm.confirm,
            cancelLabel: t.admin.confirm.cancel,
          }}
        />
      </section>
    </div>
  );
}
