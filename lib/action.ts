// Server actions: authenticate, then perform the operation (lib/operation.ts) as
// the signed-in user. No action can forget a step because no action is written
// without it; app/**/actions.ts add only what Next needs afterwards.
import type { z } from "zod";
import { getDb } from "./db/client";
import { refusalResult, perform, type ActionResult, type Operation } from "./operation";
import { getClientAddress, getCurrentUser, getMessages, getSession } from "./request";

export async function performAsCurrentUser<S extends z.ZodType, T>(
  operation: Operation<S, T>,
  raw: unknown,
): Promise<ActionResult<T>> {
  const [user, { locale, t }, session, address] = await Promise.all([
    getCurrentUser(),
    getMessages(),
    getSession(),
    getClientAddress(),
  ]);
  if (!user) return refusalResult(t, "signedOut");
  if (user.mustChangePassword && !operation.allowPendingPasswordChange) return refusalResult(t, "passwordChangeRequired");
  return perform(operation, raw, { user, db: await getDb(), t, locale, sessionId: session?.sessionId, sessionVersion: session?.sessionVersion, clientAddress: address });
}

/**
 * A server action from an operation: authenticate, perform, then (on success
 * only) `after` says what the page needs: refresh() to render again the page the
 * action came from, a redirect to where the result is, or nothing when the page
 * already shows the change.
 */
export function serverAction<S extends z.ZodType, T>(
  operation: Operation<S, T>,
  after?: (data: T) => void | Promise<void>,
): (raw?: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    const result = await performAsCurrentUser(operation, raw ?? {});
    if (result.ok && after) await after(result.data);
    return result;
  };
}

/** What a client form receives: the server action, called with its FormData. */
export type ServerAction<T = unknown> = (raw: unknown) => Promise<ActionResult<T>>;
