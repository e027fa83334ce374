"use client";

import { CheckboxField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";

interface PresenceFormProps {
  action: FormAction<{ hidden: boolean }>;
  hidden: boolean;
  labels: { hide: string; hideHelp: string; save: string; saving: string; hiddenNow: string; shownNow: string };
}

/** "Masquer ma présence": colleagues and the shop's screens never show this person online. */
export function PresenceForm({ action, hidden, labels }: PresenceFormProps) {
  return (
    <ActionForm action={action} successMessage={(saved) => (saved.hidden ? labels.hiddenNow : labels.shownNow)} className="space-y-4">
      <CheckboxField name="hidden" label={labels.hide} help={labels.hideHelp} defaultChecked={hidden} />
      <SubmitButton pendingLabel={labels.saving} className="btn-primary w-full sm:w-auto">
        {labels.save}
      </SubmitButton>
    </ActionForm>
  );
}
