import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { perform, Refusal, type ActionContext, type Operation } from "@/lib/operation";
import type { Who } from "@/lib/permissions";

/** The Refusal a call was refused with; fails the test if it succeeded or threw something else. */
export async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Refusal)) throw new Error(`expected a Refusal, got ${String(error)}`);
  return error;
}

/**
 * An operation called as a plain function of (db, actor, input): performed as
 * the server action would (authorize, validate, run), its data returned, its
 * refusal thrown as the Refusal the handler raised (with its rule codes).
 */
export function direct<S extends z.ZodType, T>(operation: Operation<S, T>) {
  return async (db: Db, actor: Who, input: z.input<S>, extra: Partial<ActionContext> = {}): Promise<T> => {
    let raised: Refusal | undefined;
    const watched: Operation<S, T> = {
      ...operation,
      handler: (data, context) =>
        operation.handler(data, context).catch((error: unknown) => {
          if (error instanceof Refusal) raised = error;
          throw error;
        }),
    };
    const user = { name: `user ${actor.id}`, email: `${actor.id}@test`, ...actor };
    const result = await perform(watched, input, { db, user, t: messagesFor("fr"), locale: "fr", ...extra });
    if (result.ok) return result.data;
    throw raised ?? new Refusal(result.code ?? "invalid");
  };
}

/**
 * direct() for operations that publish live events or enqueue pushes: there is
 * no worker here, so they go nowhere, unless the test passes its own collectors.
 */
export function directOffline<S extends z.ZodType, T>(operation: Operation<S, T>) {
  const call = direct(operation);
  return (db: Db, actor: Who, input: z.input<S>, extra: Partial<ActionContext> = {}): Promise<T> =>
    call(db, actor, input, { publishLive: async () => {}, dispatchNotifications: async () => {}, ...extra });
}
