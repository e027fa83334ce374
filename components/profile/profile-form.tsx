"use client";

import { Field, SelectField, TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";

interface ProfileFormProps {
  action: FormAction<unknown>;
  name: string;
  email: string;
  /** "fr", "en", or "default" (the factory's language). */
  locale: string;
  languageOptions: { value: string; label: string }[];
  labels: { name: string; email: string; emailHint: string; language: string; save: string; saving: string; saved: string };
}

export function ProfileForm({ action, name, email, locale, languageOptions, labels }: ProfileFormProps) {
  return (
    <ActionForm action={action} successMessage={labels.saved} className="space-y-4">
      <TextField id="name" name="name" label={labels.name} defaultValue={name} autoComplete="name" required maxLength={100} />
      {/* Shown, not sent: only an administrator changes an email. */}
      <Field id="email" label={labels.email} help={labels.emailHint}>
        {(control) => <input {...control} value={email} readOnly className="field bg-slate-100" />}
      </Field>
      <SelectField id="locale" name="locale" label={labels.language} defaultValue={locale} options={languageOptions} />
      <SubmitButton pendingLabel={labels.saving} className="btn-primary w-full sm:w-auto">
        {labels.save}
      </SubmitButton>
    </ActionForm>
  );
}
