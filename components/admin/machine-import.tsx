"use client";

import type { MachineImportResult } from "@/app/(admin)/admin/data/actions";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action";
import { format, type Locale, type PluralTemplate } from "@/lib/i18n";
import { ImportReport, type ImportReportLabels } from "./import-report";

interface MachineImportProps {
  action: ServerAction<MachineImportResult>;
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
  const { state, pending, onSubmit, clear } = useActionForm(action);
  const result = state?.ok ? state.data : null;
  const check = result?.intent === "check" ? result : null;
  const ready = check && check.problems.length === 0 && check.valid > 0;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormStatus state={state} success={result?.intent === "import" ? format(labels.imported, { count: result.imported }, locale) : undefined} />
      <Field id="file" label={labels.file} hint={labels.help} error={fieldError(state, "file")}>
        {(describedBy, invalid) => (
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={clear}
            className="field"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <button type="submit" name="intent" value="check" disabled={pending} className={ready ? "btn-secondary" : "btn-primary"}>
        {pending ? labels.checking : labels.check}
      </button>
      {check && <ImportReport check={check} labels={labels} locale={locale} />}
      {ready && (
        <ConfirmSubmit
          question={format(labels.confirmQuestion, { count: check.valid }, locale)}
          confirmLabel={labels.confirmLabel}
          cancelLabel={labels.cancelLabel}
          pendingLabel={labels.importing}
          pending={pending}
          className="btn-primary"
          submitName="intent"
          submitValue="import"
        >
          {format(labels.confirm, { count: check.valid }, locale)}
        </ConfirmSubmit>
      )}
    </form>
  );
}
