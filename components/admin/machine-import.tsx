"use client";

import type { MachineImportResult } from "@/app/(admin)/admin/data/actions";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Icon } from "@/components/shell/icons";
import { FilePicker } from "@/components/ui/file-picker";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import { format } from "@/lib/i18n/format";
import type { Locale, PluralTemplate } from "@/lib/i18n";
import { ImportReport, type ImportReportLabels } from "./import-report";

interface MachineImportProps {
  action: FormAction<MachineImportResult>;
  labels: ImportReportLabels & {
    file: string;
    help: string;
    check: string;
    checking: string;
    confirm: PluralTemplate;
    confirmQuestion: PluralTemplate;
    importing: string;
    imported: PluralTemplate;
    confirmLabel: string;
    cancelLabel: string;
  };
  locale: Locale;
}

/** Pick a file, check it (dry run), then confirm the import of that same file. */
export function MachineImport({ action, labels, locale }: MachineImportProps) {
  return (
    <ActionForm
      action={action}
      successMessage={(done) => (done.intent === "import" ? format(labels.imported, { count: done.imported }, locale) : undefined)}
      className="space-y-4"
    >
      {({ result, clear }) => {
        const check = result?.ok && result.data.intent === "check" ? result.data : null;
        const ready = check && check.problems.length === 0 && check.valid > 0;
        return (
          <>
            {/* Another file makes the last check meaningless. */}
            <div className="space-y-1">
              <FilePicker id="file" name="file" label={labels.file} icon={<Icon name="attach" className="h-5 w-5" />} help={labels.help} accept=".csv,text/csv" required onChange={clear} />
            </div>
            <SubmitButton name="intent" value="check" pendingLabel={labels.checking} className={ready ? "btn-secondary" : "btn-primary"}>
              {labels.check}
            </SubmitButton>
            {check && <ImportReport check={check} labels={labels} locale={locale} />}
            {ready && (
              <ConfirmButton
                name="intent"
                value="import"
                question={format(labels.confirmQuestion, { count: check.valid }, locale)}
                confirmLabel={labels.confirmLabel}
                cancelLabel={labels.cancelLabel}
                pendingLabel={labels.importing}
              >
                {format(labels.confirm, { count: check.valid }, locale)}
              </ConfirmButton>
            )}
          </>
        );
      }}
    </ActionForm>
  );
}
