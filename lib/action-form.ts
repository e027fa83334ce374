import type { ActionResult } from "./operation";

/**
 * Adapts a server action for `useActionState(action, null)`, which passes the
 * previous state first. Kept apart from lib/action.ts so client components can
 * import it without pulling server code into the browser bundle.
 */
export function formAction<T>(action: (raw: unknown) => Promise<ActionResult<T>>) {
  return (_previous: ActionResult<T> | null, formData: FormData) => action(formData);
}
