import { TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";

interface PasswordFormProps {
  action: FormAction<unknown>;
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
  return (
    <ActionForm action={action} successMessage={labels.changed} resetOnSuccess className="space-y-4">
      <TextField id="current" name="current" type="password" label={labels.current} autoComplete="current-password" required />
      <TextField id="next" name="next" type="password" label={labels.next} help={labels.hint} autoComplete="new-password" minLength={10} required />
      <TextField id="confirm" name="confirm" type="password" label={labels.confirm} autoComplete="new-password" required />
      <SubmitButton pendingLabel={labels.submitting} className="btn-primary w-full sm:w-auto">
        {labels.submit}
      </SubmitButton>
    </ActionForm>
  );
}
