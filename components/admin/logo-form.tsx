"use client";

import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action";

interface LogoFormProps {
  upload: ServerAction;
  remove: ServerAction;
  /** URL of the current logo, if there is one. */
  current?: string;
  labels: {
    help: string;
    current: string;
    none: string;
    file: string;
    upload: string;
    uploading: string;
    uploaded: string;
    remove: string;
    removeConfirm: string;
    removed: string;
    confirmLabel: string;
    cancelLabel: string;
  };
}

export function LogoForm({ upload, remove, current, labels }: LogoFormProps) {
  const uploading = useActionForm(upload, { resetOnSuccess: true });
  const removing = useActionForm(remove);
  return (
    <div className="space-y-4">
      <FormStatus state={removing.state} success={labels.removed} />
      {current ? (
        <div className="flex flex-wrap items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={current} alt={labels.current} className="h-16 max-w-48 rounded border border-slate-200 object-contain p-1" />
          <form onSubmit={removing.onSubmit}>
            <ConfirmSubmit
              question={labels.removeConfirm}
              confirmLabel={labels.confirmLabel}
              cancelLabel={labels.cancelLabel}
              pendingLabel={labels.uploading}
              pending={removing.pending}
              className="btn-secondary"
              danger
            >
              {labels.remove}
            </ConfirmSubmit>
          </form>
        </div>
      ) : (
        <p className="text-slate-600">{labels.none}</p>
      )}
      <form onSubmit={uploading.onSubmit} className="space-y-3" noValidate>
        <FormStatus state={uploading.state} success={labels.uploaded} />
        <Field id="logo" label={labels.file} hint={labels.help} error={fieldError(uploading.state, "logo")}>
          {(describedBy, invalid) => (
            <input id="logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" required className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </Field>
        <button type="submit" disabled={uploading.pending} className="btn-primary">
          {uploading.pending ? labels.uploading : labels.upload}
        </button>
      </form>
    </div>
  );
}
