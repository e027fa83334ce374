"use client";

import { createContext, useContext, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/operation";

interface FormState {
  pending: boolean;
  fieldErrors: Record<string, string>;
}

const FormContext = createContext<FormState>({ pending: false, fieldErrors: {} });

export function useActionFormState() {
  return useContext(FormContext);
}

interface ActionFormProps {
  action: (formData: FormData) => Promise<ActionResult<unknown>>;
  children: React.ReactNode;
  className?: string;
  /** Said (politely) after a success. */
  successMessage?: string;
  resetOnSuccess?: boolean;
  /** Shown when the request itself fails (network, upload too large); without it the error boundary takes over. */
  failedMessage?: string;
  "aria-label"?: string;
}

/**
 * A form posting to a server action: keeps what the user typed when the server
 * refuses, and shows the form's message and each field's message from the server.
 */
export function ActionForm({ action, children, className, successMessage, resetOnSuccess, failedMessage, ...rest }: ActionFormProps) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      let next: ActionResult<unknown>;
      try {
        next = await action(data);
      } catch (error) {
        // A redirect from the action is not a failure: let Next follow it.
        if (!failedMessage || String((error as { digest?: unknown } | null)?.digest).startsWith("NEXT_")) throw error;
        next = { ok: false, error: failedMessage };
      }
      setResult(next);
      if (next.ok && resetOnSuccess) form.reset();
    });
  }

  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <FormContext.Provider value={{ pending, fieldErrors }}>
      <form onSubmit={onSubmit} className={className} noValidate aria-busy={pending} aria-label={rest["aria-label"]}>
        {result && !result.ok && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {result.error}
          </p>
        )}
        {result?.ok && successMessage && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {successMessage}
          </p>
        )}
        {children}
      </form>
    </FormContext.Provider>
  );
}

export function FormSubmit({ children, pendingLabel, className = "btn-primary" }: { children: React.ReactNode; pendingLabel: string; className?: string }) {
  const { pending } = useActionFormState();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : children}
    </button>
  );
}
