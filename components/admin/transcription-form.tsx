"use client";

import { CheckboxField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import type { Messages } from "@/lib/i18n";

interface TranscriptionFormProps {
  action: FormAction<boolean>;
  enabled: boolean;
  labels: Messages["voice"]["settings"];
}

/** "Transcrire les notes vocales": shown only where the deployment has Workers AI (lib/voice/settings.ts). */
export function TranscriptionForm({ action, enabled, labels }: TranscriptionFormProps) {
  return (
    <ActionForm action={action} successMessage={(on) => (on ? labels.on : labels.off)} className="space-y-4">
      <CheckboxField name="transcribe" label={labels.transcribe} help={labels.help} defaultChecked={enabled} />
      <SubmitButton pendingLabel={labels.saving} className="btn-primary w-full sm:w-auto">
        {labels.save}
      </SubmitButton>
    </ActionForm>
  );
}
