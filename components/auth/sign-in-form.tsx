"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/(auth)/sign-in/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { format } from "@/lib/i18n";

interface SignInFormProps {
  callbackUrl: string;
  labels: {
    email: string;
    password: string;
    submit: string;
    submitting: string;
    errors: Record<NonNullable<SignInState["error"]>, string>;
  };
}

export function SignInForm({ callbackUrl, labels }: SignInFormProps) {
  const [state, formAction] = useActionState(signInAction, {});
  const message = state.error
    ? format(labels.errors[state.error], { minutes: state.retryAfterMinutes ?? 15 })
    : null;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {message && (
        <p id="sign-in-error" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          {labels.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={message ? "sign-in-error" : undefined}
          className="field"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {labels.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={message ? "sign-in-error" : undefined}
          className="field"
        />
      </div>
      <SubmitButton pendingLabel={labels.submitting} className="btn-primary w-full">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
