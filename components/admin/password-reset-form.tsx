import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/fields";
import { ActionForm, type FormAction } from "@/components/ui/form";

interface PasswordResetFormProps {
  action: FormAction<unknown>;
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
  return (
    <ActionForm action={action} successMessage={labels.done} resetOnSuccess className="space-y-4">
      <input type="hidden" name="id" value={userId} />
      <TextField
        id="reset-password"
        name="password"
        type="text"
        label={labels.password}
        help={labels.help}
        autoComplete="new-password"
        spellCheck={false}
        minLength={10}
        required
      />
      <ConfirmButton
        question={labels.confirm}
        confirmLabel={labels.confirmLabel}
        cancelLabel={labels.cancelLabel}
        pendingLabel={labels.submitting}
        className="btn-secondary"
        danger
      >
        {labels.submit}
      </ConfirmButton>
    </ActionForm>
  );
}
