import { unstable_rethrow } from "next/navigation";
import type { ActionResult } from "@/lib/operation";

/** What to say after a success: fixed text, or words (or a small report) made from the action's data. */
export type SuccessMessage<T> = React.ReactNode | ((data: T) => React.ReactNode);

/**
 * Calls a server action. A redirect or notFound() thrown by it is rethrown so
 * Next follows it; with `failedMessage`, a failed request (network, upload too
 * large) becomes a refusal with that text instead of reaching the error boundary.
 */
export async function runAction<T>(action: () => Promise<ActionResult<T>>, failedMessage?: string): Promise<ActionResult<T>> {
  try {
    return await action();
  } catch (error) {
    unstable_rethrow(error);
    if (failedMessage === undefined) throw error;
    return { ok: false, error: failedMessage };
  }
}

interface ActionResultMessageProps<T> {
  result: ActionResult<T> | null;
  successMessage?: SuccessMessage<T>;
  /** Lets a form move focus to the alert after a refusal that names no field. */
  ref?: React.Ref<HTMLParagraphElement>;
  /** Added to the alert's classes. */
  alertClassName?: string;
}

/** The outcome of the last run: an alert for a refusal, a polite status for a success that has something to say. */
export function ActionResultMessage<T>({ result, successMessage, ref, alertClassName = "" }: ActionResultMessageProps<T>) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <p ref={ref} role="alert" tabIndex={-1} className={`rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 ${alertClassName}`}>
        {result.error}
      </p>
    );
  }
  const message = typeof successMessage === "function" ? successMessage(result.data) : successMessage;
  if (message === undefined || message === null || message === "") return null;
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {message}
    </div>
  );
}
