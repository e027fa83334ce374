"use client";

import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ActionForm, type FormAction } from "@/components/ui/form";

interface AccountAccessFormProps {
  action: FormAction<{ active: boolean }>;
  userId: number;
  active: boolean;
  labels: {
    status: string;
    button: string;
    question: string;
    deactivated: string;
    reactivated: string;
    working: string;
    confirmLabel: string;
    cancelLabel: string;
  };
}

/** Deactivate or reactivate, after a confirmation that says what happens. */
export function AccountAccessForm({ action, userId, active, labels }: AccountAccessFormProps) {
  return (
    <ActionForm action={action} successMessage={(data) => (data.active ? labels.reactivated : labels.deactivated)} className="space-y-3">
      <p className="text-slate-700">{labels.status}</p>
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <ConfirmButton
        question={labels.question}
        confirmLabel={labels.confirmLabel}
        cancelLabel={labels.cancelLabel}
        pendingLabel={labels.working}
        className={active ? "btn-danger" : "btn-primary"}
        danger={active}
      >
        {labels.button}
      </ConfirmButton>
    </ActionForm>
  );
}
