"use client";

import { SelectField, TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";

type Key = "companyName" | "timeZone" | "defaultLocale" | "ticketPrefix" | "operatorTicketVisibility" | "appUrl";

interface SettingsFormProps {
  action: FormAction<string[]>;
  values: Record<Key, string>;
  timeZones: string[];
  languageOptions: { value: string; label: string }[];
  labels: Record<
    Key | "timeZoneHint" | "defaultLocaleHint" | "ticketPrefixHint" | "operatorTicketVisibilityHint" | "appUrlHint" | "visibilityAll" | "visibilityOwn" | "save" | "saving" | "saved" | "unchanged",
    string
  >;
}

export function SettingsForm({ action, values, timeZones, languageOptions, labels }: SettingsFormProps) {
  return (
    <ActionForm action={action} successMessage={(data) => (data.length ? labels.saved : labels.unchanged)} className="space-y-4">
      <TextField id="companyName" name="companyName" label={labels.companyName} defaultValue={values.companyName} maxLength={80} required />
      <TextField
        id="timeZone"
        name="timeZone"
        label={labels.timeZone}
        help={labels.timeZoneHint}
        defaultValue={values.timeZone}
        list="time-zones"
        autoComplete="off"
        spellCheck={false}
        required
      />
      <datalist id="time-zones">
        {timeZones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <SelectField
        id="defaultLocale"
        name="defaultLocale"
        label={labels.defaultLocale}
        help={labels.defaultLocaleHint}
        defaultValue={values.defaultLocale}
        options={languageOptions}
      />
      <TextField
        id="ticketPrefix"
        name="ticketPrefix"
        label={labels.ticketPrefix}
        help={labels.ticketPrefixHint}
        defaultValue={values.ticketPrefix}
        maxLength={8}
        autoCapitalize="characters"
        spellCheck={false}
        required
        className="max-w-40 uppercase"
      />
      <SelectField
        id="operatorTicketVisibility"
        name="operatorTicketVisibility"
        label={labels.operatorTicketVisibility}
        help={labels.operatorTicketVisibilityHint}
        defaultValue={values.operatorTicketVisibility}
        options={[
          { value: "own", label: labels.visibilityOwn },
          { value: "all", label: labels.visibilityAll },
        ]}
      />
      <TextField
        id="appUrl"
        name="appUrl"
        type="url"
        inputMode="url"
        label={labels.appUrl}
        help={labels.appUrlHint}
        defaultValue={values.appUrl}
        maxLength={300}
        spellCheck={false}
      />
      <SubmitButton pendingLabel={labels.saving} className="btn-primary w-full sm:w-auto">
        {labels.save}
      </SubmitButton>
    </ActionForm>
  );
}
