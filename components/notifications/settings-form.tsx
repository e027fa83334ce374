"use client";

import { saveWebhookSettingsAction } from "@/app/(admin)/admin/notifications/actions";
import { CheckboxField, TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import type { Messages } from "@/lib/i18n";

interface SettingsFormProps {
  values: { enabled: boolean; url: string; windowHours: number; maxPerRun: number; pauseMs: number };
  /** Set when WEBHOOK_URL comes from the environment: the masked value. */
  envUrl: string | null;
  t: Messages["notifications"]["settings"];
}

export function SettingsForm({ values, envUrl, t }: SettingsFormProps) {
  return (
    // The action words its own success.
    <ActionForm action={saveWebhookSettingsAction} successMessage={(saved) => saved} className="space-y-4">
      <CheckboxField id="enabled" name="enabled" label={t.enabled} help={t.enabledHelp} defaultChecked={values.enabled} />
      <TextField
        id="url"
        name="url"
        type="url"
        inputMode="url"
        label={t.url}
        help={envUrl ? t.urlFromEnv.replace("{url}", envUrl) : t.urlHelp}
        defaultValue={values.url}
        autoComplete="off"
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id="windowHours" name="windowHours" type="number" label={t.windowHours} min={1} max={168} defaultValue={values.windowHours} />
        <TextField id="maxPerRun" name="maxPerRun" type="number" label={t.maxPerRun} help={t.maxPerRunHelp} min={1} max={5000} defaultValue={values.maxPerRun} />
        <TextField id="pauseMs" name="pauseMs" type="number" label={t.pauseMs} help={t.pauseHelp} min={0} max={5000} step={50} defaultValue={values.pauseMs} />
      </div>
      <SubmitButton pendingLabel={t.saving}>{t.save}</SubmitButton>
    </ActionForm>
  );
}
