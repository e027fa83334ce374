"use client";

import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action";

interface PasswordFormProps {
  action: ServerAction;
  labels: {
    current: string;
    next: string;
    confirm: string;
    hint: string;
    submit: string;
    submitting: string;
    changed: string;
  };
}

/** Current password, new one twice. Used by the profile and the forced change after an admin reset. */
export function PasswordForm({ action, labels }: PasswordFormProps) {
  const { state, pending, onSubmit } = useActionForm(action, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormStatus state={state} success={labels.changed} />
      <Field id="current" label={labels.current} error={fieldError(state, "current")}>
        {(describedBy, invalid) => (
          <input id="current" name="current" type="password" autoComplete="current-password" required className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field id="next" label={labels.next} hint={labels.hint} error={fieldError(state, "next")}>
        {(describedBy, invalid) => (
          <input id="next" name="next" type="password" autoComplete="new-password" minLength={10} required className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field id="confirm" label={labels.confirm} error={fieldError(state, "confirm")}>
        {(describedBy, invalid) => (
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
