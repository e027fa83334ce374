// Server actions: authenticate, then perform the operation (lib/operation.ts) as
// the signed-in user. No action can forget a step because no action is written
// without it; app/**/actions.ts add only what Next needs afterwards.
import type { z } from "zod";
import { getDb } from "./db";
import { refusalResult, perform, type ActionResult, type Operation } from "./operation";
import { getCurrentUser, getMessages } from "./request";

export async function performAsCurrentUser<S extends z.ZodType, T>(
  operation: Operation<S, T>,
  raw: unknown,
): Promise<ActionResult<T>> {
  const [user, { locale, t }] = await Promise.all([getCurrentUser(), getMessages()]);
  if (!user) return refusalResult(t, "signedOut");
  if (user.mustChangePassword && !operation.allowPendingPasswordChange) return refusalResult(t, "passwordChangeRequired");
  return perform(operation, raw, { user, db: await getDb(), t, locale });
}

/** What a client form receives: the server action, called with its FormData. */
export type ServerAction<T = unknown> = (raw: unknown) => Promise<ActionResult<T>>;
