"use client";

import { TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";

type Key = "signInAttemptsDays" | "cronRunsDays" | "webhookDays" | "auditDays" | "deletedMediaDays" | "notificationsDays";
const keys: Key[] = ["signInAttemptsDays", "cronRunsDays", "webhookDays", "auditDays", "deletedMediaDays", "notificationsDays"];

interface RetentionFormProps {
  action: FormAction<string[]>;
  values: Record<Key, number>;
  labels: Record<Key | "auditHint" | "notificationsHint" | "save" | "saving" | "saved" | "unchanged", string>;
}

export function RetentionForm({ action, values, labels }: RetentionFormProps) {
  return (
    <ActionForm action={action} successMessage={(data) => (data.length ? labels.saved : labels.unchanged)} className="space-y-4">
      {keys.map((key) => (
        <TextField
          key={key}
          id={key}
          name={key}
          type="number"
          inputMode="numeric"
          label={labels[key]}
          help={key === "auditDays" ? labels.auditHint : key === "notificationsDays" ? labels.notificationsHint : undefined}
          min={key === "auditDays" ? 365 : 1}
          max={key === "auditDays" ? 36500 : 3650}
          defaultValue={values[key]}
          required
          className="max-w-40"
        />
      ))}
      <SubmitButton pendingLabel={labels.saving} className="btn-primary w-full sm:w-auto">
        {labels.save}
      </SubmitButton>
    </ActionForm>
  );
}
