"use client";

import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action";

interface ProfileFormProps {
  action: ServerAction;
  name: string;
  email: string;
  /** "fr", "en", or "default" (the factory's language). */
  locale: string;
  languageOptions: { value: string; label: string }[];
  labels: { name: string; email: string; emailHint: string; language: string; save: string; saving: string; saved: string };
}

export function ProfileForm({ action, name, email, locale, languageOptions, labels }: ProfileFormProps) {
  const { state, pending, onSubmit } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormStatus state={state} success={labels.saved} />
      <Field id="name" label={labels.name} error={fieldError(state, "name")}>
        {(describedBy, invalid) => (
          <input id="name" name="name" defaultValue={name} autoComplete="name" required maxLength={100} className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field id="email" label={labels.email} hint={labels.emailHint}>
        {(describedBy) => <input id="email" value={email} readOnly className="field bg-slate-100" aria-describedby={describedBy} />}
      </Field>
      <Field id="locale" label={labels.language} error={fieldError(state, "locale")}>
        {(describedBy, invalid) => (
          <select id="locale" name="locale" defaultValue={locale} className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
            {languageOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
        {pending ? labels.saving : labels.save}
      </button>
    </form>
  );
}
