"use client";

import { useActionState } from "react";
import { saveWebhookSettingsAction } from "@/app/(admin)/admin/notifications/actions";
import { formAction } from "@/lib/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Messages } from "@/lib/i18n";
import { Field } from "@/components/ui/field";

interface SettingsFormProps {
  values: { enabled: boolean; url: string; windowHours: number; maxPerRun: number; pauseMs: number; appUrl: string };
  /** Set when WEBHOOK_URL comes from the environment: the masked value. */
  envUrl: string | null;
  t: Messages["notifications"]["settings"];
}

const save = formAction(saveWebhookSettingsAction);

export function SettingsForm({ values, envUrl, t }: SettingsFormProps) {
  const [state, action] = useActionState(save, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"}>
          {state.ok ? state.data : state.error}
        </p>
      )}
      <div className="flex items-start gap-3">
        <input id="enabled" name="enabled" type="checkbox" defaultChecked={values.enabled} className="mt-1 h-5 w-5" />
        <div>
          <label htmlFor="enabled" className="font-medium">
            {t.enabled}
          </label>
          <p className="text-sm text-slate-600">{t.enabledHelp}</p>
        </div>
      </div>
      <Field id="url" label={t.url} hint={envUrl ? t.urlFromEnv.replace("{url}", envUrl) : t.urlHelp} error={errors.url}>
          {(describedBy, invalid) => (
            <input id="url" name="url" type="url" inputMode="url" defaultValue={values.url} className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} autoComplete="off" />
          )}
        </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="windowHours" label={t.windowHours} error={errors.windowHours}>
          {(describedBy, invalid) => (
            <input id="windowHours" name="windowHours" type="number" min={1} max={168} defaultValue={values.windowHours} className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </Field>
        <Field id="maxPerRun" label={t.maxPerRun} hint={t.maxPerRunHelp} error={errors.maxPerRun}>
          {(describedBy, invalid) => (
            <input id="maxPerRun" name="maxPerRun" type="number" min={1} max={5000} defaultValue={values.maxPerRun} className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </Field>
        <Field id="pauseMs" label={t.pauseMs} hint={t.pauseHelp} error={errors.pauseMs}>
          {(describedBy, invalid) => (
            <input id="pauseMs" name="pauseMs" type="number" min={0} max={5000} step={50} defaultValue={values.pauseMs} className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </Field>
      </div>
      <Field id="appUrl" label={t.appUrl} hint={t.appUrlHelp} error={errors.appUrl}>
          {(describedBy, invalid) => (
            <input id="appUrl" name="appUrl" type="url" inputMode="url" defaultValue={values.appUrl} className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </Field>
      <SubmitButton pendingLabel={t.saving} className="btn-primary">
        {t.save}
      </SubmitButton>
    </form>
  );
}
