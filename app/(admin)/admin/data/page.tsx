import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CardSection } from "@/components/ui/card-section";
import { CsvExportForm } from "@/components/admin/csv-export-form";
import { MachineImport } from "@/components/admin/machine-import";
import { getMessages } from "@/lib/request";
import { requirePermission } from "@/lib/request";
import { machineImportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.data.title };
}

export default async function DataPage() {
  await requirePermission("machine.manage");
  const { t, locale } = await getMessages();
  const d = t.admin.data;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={d.title} intro={d.intro} />
      <CardSection id="export" title={d.exportHeading}>
        <div className="grid gap-3 sm:grid-cols-2">
          <CsvExportForm action="/tickets/export" id="tickets" title={d.exportTickets} help={d.exportTicketsHelp} t={t} />
          <CsvExportForm action="/machines/export" id="machines" title={d.exportMachines} help={d.exportMachinesHelp} t={t} />
        </div>
      </CardSection>
      <CardSection id="import" title={d.importHeading}>
        <MachineImport
          action={machineImportAction}
          locale={locale}
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
      </CardSection>
    </div>
  );
}
