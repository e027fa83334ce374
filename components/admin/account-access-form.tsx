"use client";

import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action";

interface AccountAccessFormProps {
  action: ServerAction<{ active: boolean }>;
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
  const { state, pending, onSubmit } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <FormStatus state={state} success={state?.ok ? (state.data.active ? labels.reactivated : labels.deactivated) : undefined} />
      <p className="text-slate-700">{labels.status}</p>
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <ConfirmSubmit
        question={labels.question}
        confirmLabel={labels.confirmLabel}
        cancelLabel={labels.cancelLabel}
        pendingLabel={labels.working}
        pending={pending}
        className={active ? "btn-danger" : "btn-primary"}
        danger={active}
      >
        {labels.button}
      </ConfirmSubmit>
    </form>
  );
}
