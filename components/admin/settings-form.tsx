"use client";

import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action";

type Key = "companyName" | "timeZone" | "defaultLocale" | "ticketPrefix";

interface SettingsFormProps {
  action: ServerAction<string[]>;
  values: Record<Key, string>;
  timeZones: string[];
  languageOptions: { value: string; label: string }[];
  labels: Record<Key | "timeZoneHint" | "defaultLocaleHint" | "ticketPrefixHint" | "save" | "saving" | "saved" | "unchanged", string>;
}

export function SettingsForm({ action, values, timeZones, languageOptions, labels }: SettingsFormProps) {
  const { state, pending, onSubmit } = useActionForm(action);
  const success = state?.ok ? (state.data.length ? labels.saved : labels.unchanged) : undefined;
  const aria = (describedBy: string | undefined, invalid: boolean) => ({
    "aria-describedby": describedBy,
    "aria-invalid": invalid || undefined,
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormStatus state={state} success={success} />
      <Field id="companyName" label={labels.companyName} error={fieldError(state, "companyName")}>
        {(d, i) => <input id="companyName" name="companyName" defaultValue={values.companyName} maxLength={80} required className="field" {...aria(d, i)} />}
      </Field>
      <Field id="timeZone" label={labels.timeZone} hint={labels.timeZoneHint} error={fieldError(state, "timeZone")}>
        {(d, i) => (
          <>
            <input id="timeZone" name="timeZone" defaultValue={values.timeZone} list="time-zones" autoComplete="off" spellCheck={false} required className="field" {...aria(d, i)} />
            <datalist id="time-zones">
              {timeZones.map((tz) => (
                <option key={tz} value={tz} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id="defaultLocale" label={labels.defaultLocale} hint={labels.defaultLocaleHint} error={fieldError(state, "defaultLocale")}>
        {(d, i) => (
          <select id="defaultLocale" name="defaultLocale" defaultValue={values.defaultLocale} className="field" {...aria(d, i)}>
            {languageOptions.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ticketPrefix" label={labels.ticketPrefix} hint={labels.ticketPrefixHint} error={fieldError(state, "ticketPrefix")}>
        {(d, i) => <input id="ticketPrefix" name="ticketPrefix" defaultValue={values.ticketPrefix} maxLength={8} autoCapitalize="characters" spellCheck={false} required className="field max-w-40 uppercase" {...aria(d, i)} />}
      </Field>
      <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
        {pending ? labels.saving : labels.save}
      </button>
    </form>
  );
}
