"use client";

import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action";

interface PasswordResetFormProps {
  action: ServerAction;
  userId: number;
  labels: {
    password: string;
    help: string;
    submit: string;
    submitting: string;
    confirm: string;
    done: string;
    confirmLabel: string;
    cancelLabel: string;
  };
}

export function PasswordResetForm({ action, userId, labels }: PasswordResetFormProps) {
  const { state, pending, onSubmit } = useActionForm(action, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormStatus state={state} success={labels.done} />
      <input type="hidden" name="id" value={userId} />
      <Field id="reset-password" label={labels.password} hint={labels.help} error={fieldError(state, "password")}>
        {(describedBy, invalid) => (
          <input id="reset-password" name="password" type="text" autoComplete="new-password" spellCheck={false} minLength={10} required className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <ConfirmSubmit
        question={labels.confirm}
        confirmLabel={labels.confirmLabel}
        cancelLabel={labels.cancelLabel}
        pendingLabel={labels.submitting}
        pending={pending}
        className="btn-secondary"
        danger
      >
        {labels.submit}
      </ConfirmSubmit>
    </form>
  );
}
