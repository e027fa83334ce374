// The wrapper every server action goes through: authenticate, then the core in
// lib/operation.ts (authorize, validate with messages in the user's language, run).
// No action can forget a step because no action is written without it.
import type { z } from "zod";
import { getDb } from "./db";
import { getMessages } from "./i18n/server";
import {
  defineOperation,
  perform,
  type ActionContext,
  type ActionOptions,
  type ActionResult,
  type Operation,
} from "./operation";
import { getCurrentUser } from "./session";

export { ActionError, fieldErrorsOf, type ActionContext, type ActionResult } from "./operation";

/** Authenticate, then perform the operation as the signed-in user. */
export async function performAsCurrentUser<S extends z.ZodType, T>(
  operation: Operation<S, T>,
  raw: unknown,
): Promise<ActionResult<T>> {
  const [user, { locale, t }] = await Promise.all([getCurrentUser(), getMessages()]);
  if (!user) return { ok: false, error: t.actions.signedOut };
  return perform(operation, raw, { user, db: await getDb(), t, locale });
}

export function authorizedAction<S extends z.ZodType, T>(
  options: ActionOptions<S>,
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  const operation = defineOperation(options, handler);
  return (raw) => performAsCurrentUser(operation, raw);
}

/** Adapts an action for `useActionState(action, initialState)`, which passes the previous state first. */
export function formAction<T>(action: (raw: unknown) => Promise<ActionResult<T>>) {
  return (_previous: ActionResult<T> | null, formData: FormData) => action(formData);
}
