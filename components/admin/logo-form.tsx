"use client";

import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Icon } from "@/components/shell/icons";
import { FilePicker } from "@/components/ui/file-picker";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import type { ActionResult } from "@/lib/operation";

interface LogoFormProps {
  upload: FormAction<unknown>;
  remove: () => Promise<ActionResult<unknown>>;
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

/**
 * One form for both buttons, so the panel says only the latest outcome (no
 * "logo removed" left beside a refused upload), and it stays on screen after
 * the removal takes the logo and its button away.
 */
export function LogoForm({ upload, remove, current, labels }: LogoFormProps) {
  async function save(data: FormData): Promise<ActionResult<"uploaded" | "removed">> {
    const removing = data.get("intent") === "remove";
    const result = await (removing ? remove() : upload(data));
    return result.ok ? { ok: true, data: removing ? "removed" : "uploaded" } : result;
  }
  return (
    <ActionForm action={save} successMessage={(done) => (done === "removed" ? labels.removed : labels.uploaded)} resetOnSuccess className="space-y-4">
      {current ? (
        <div className="flex flex-wrap items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={current} alt={labels.current} className="h-16 max-w-48 rounded border border-slate-200 object-contain p-1" />
          <ConfirmButton
            name="intent"
            value="remove"
            question={labels.removeConfirm}
            confirmLabel={labels.confirmLabel}
            cancelLabel={labels.cancelLabel}
            pendingLabel={labels.remove}
            className="btn-secondary"
            danger
          >
            {labels.remove}
          </ConfirmButton>
        </div>
      ) : (
        <p className="text-slate-600">{labels.none}</p>
      )}
      <div className="space-y-1">
        <FilePicker id="logo" name="logo" label={labels.file} icon={<Icon name="attach" className="h-5 w-5" />} help={labels.help} accept="image/png,image/jpeg,image/webp" required />
      </div>
      <SubmitButton pendingLabel={labels.uploading}>{labels.upload}</SubmitButton>
    </ActionForm>
  );
}
