import type { ActionResult } from "@/lib/operation";

interface FormStatusProps {
  state: ActionResult<unknown> | null;
  /** Shown when the action succeeded without a message of its own. */
  success?: string;
}

/** The outcome of the last submission: an alert on refusal, a polite status on success. */
export function FormStatus({ state, success }: FormStatusProps) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.error}
      </p>
    );
  }
  const message = success;
  if (!message) return null;
  return (
    <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {message}
    </p>
  );
}

/** The message for one field after a refused submission. */
export function fieldError(state: ActionResult<unknown> | null, field: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[field] : undefined;
}
