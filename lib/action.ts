// The wrapper every server action goes through: authenticate, then the core in
// lib/operation.ts (authorize, validate with messages in the user's language, run).
// No action can forget a step because no action is written without it.
import type { z } from "zod";
import { getDb } from "./db";
import { getMessages } from "./i18n/server";
import {
  ActionError,
  defineOperation,
  perform,
  type ActionContext,
  type ActionOptions,
  type ActionResult,
  type Operation,
} from "./operation";
import { RuleError } from "./rule-error";
import { getCurrentUser } from "./session";

export { ActionError, fieldErrorsOf, type ActionContext, type ActionResult } from "./operation";

/** What a client form receives: the wrapped action, called with its FormData. */
export type ServerAction<T = unknown> = (raw: unknown) => Promise<ActionResult<T>>;

/** Authenticate, then perform the operation as the signed-in user. */
export async function performAsCurrentUser<S extends z.ZodType, T>(
  operation: Operation<S, T>,
  raw: unknown,
): Promise<ActionResult<T>> {
  const [user, { locale, t }] = await Promise.all([getCurrentUser(), getMessages()]);
  if (!user) return { ok: false, error: t.actions.signedOut };
  if (user.mustChangePassword && !operation.allowPendingPasswordChange) {
    return { ok: false, error: t.profile.password.required };
  }
  return perform(operation, raw, { user, db: await getDb(), t, locale });
}

export function authorizedAction<S extends z.ZodType, T>(
  options: ActionOptions<S>,
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (raw?: unknown) => Promise<ActionResult<T>> {
  const operation = defineOperation(options, handler);
  return (raw) => performAsCurrentUser(operation, raw);
}

/**
 * Runs a lib/ call and turns its RuleError into an ActionError worded from
 * `messages` (keyed by rule code), attached to the field it concerns.
 */
export async function refuseOnRule<T>(messages: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const word = (code: string) => messages[code] ?? messages.unknown ?? code;
    const message = word(error.code);
    const fieldErrors: Record<string, string> = {};
    for (const [field, code] of Object.entries(error.fields ?? {})) fieldErrors[field] = word(code);
    if (error.field) fieldErrors[error.field] = message;
    throw new ActionError(message, Object.keys(fieldErrors).length ? fieldErrors : undefined);
  }
}
