"use client";

import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action";

interface UserFormProps {
  action: ServerAction;
  /** Absent: a new account (with its temporary password). */
  user?: { id: number; name: string; email: string; role: string };
  roleOptions: { value: string; label: string }[];
  labels: {
    name: string;
    email: string;
    role: string;
    password: string;
    passwordHint: string;
    submit: string;
    submitting: string;
    saved: string;
  };
}

export function UserForm({ action, user, roleOptions, labels }: UserFormProps) {
  const { state, pending, onSubmit } = useActionForm(action);
  const input = (id: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <Field id={id} label={labels[id as "name" | "email" | "password"]} hint={id === "password" ? labels.passwordHint : undefined} error={fieldError(state, id)}>
      {(describedBy, invalid) => (
        <input id={id} name={id} required className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined} {...props} />
      )}
    </Field>
  );
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormStatus state={state} success={labels.saved} />
      {user && <input type="hidden" name="id" value={user.id} />}
      {input("name", { defaultValue: user?.name, maxLength: 100, autoComplete: "off" })}
      {input("email", { type: "email", defaultValue: user?.email, maxLength: 254, autoComplete: "off", inputMode: "email" })}
      <Field id="role" label={labels.role} error={fieldError(state, "role")}>
        {(describedBy, invalid) => (
          <select id="role" name="role" defaultValue={user?.role ?? "operator"} className="field" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
            {roleOptions.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        )}
      </Field>
      {!user && input("password", { type: "text", autoComplete: "new-password", minLength: 10, spellCheck: false })}
      <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
