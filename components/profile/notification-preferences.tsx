"use client";

import { SelectField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import type { NotificationChannel, NotificationKind } from "@/lib/notifications/model";

interface NotificationPreferencesProps {
  action: FormAction<unknown>;
  /** The kinds the person's role can receive, each with its channel now. */
  choices: { kind: NotificationKind; label: string; channel: NotificationChannel }[];
  channelLabels: Record<NotificationChannel, string>;
  labels: { description: string; save: string; saving: string; saved: string };
}

export function NotificationPreferences({ action, choices, channelLabels, labels }: NotificationPreferencesProps) {
  const options = (Object.keys(channelLabels) as NotificationChannel[]).map((value) => ({ value, label: channelLabels[value] }));
  return (
    <ActionForm action={action} successMessage={labels.saved} className="space-y-4">
      <p className="text-sm text-slate-600">{labels.description}</p>
      {choices.map((c) => (
        <SelectField key={c.kind} id={`notify-${c.kind}`} name={c.kind} label={c.label} defaultValue={c.channel} options={options} />
      ))}
      <SubmitButton pendingLabel={labels.saving} className="btn-primary w-full sm:w-auto">
        {labels.save}
      </SubmitButton>
    </ActionForm>
  );
}
