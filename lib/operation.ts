// The core of every server action, independent of Next: authorize, validate,
// run, for a known actor. lib/action.ts adds authentication on top; tests call
// perform() directly as each role, so the server's refusals are tested, not only the UI's.
import { z } from "zod";
import en from "zod/v4/locales/en.js";
import frCA from "zod/v4/locales/fr-CA.js";
import type { Db } from "./db";
import type { Locale, Messages } from "./i18n";
import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export interface ActionContext {
  user: Actor;
  db: Db;
  t: Messages;
  locale: Locale;
  /** The R2 bucket for photos and videos; read from the worker's env when absent. */
  media?: R2Bucket;
  now?: Date;
}

/** Thrown by a handler to refuse with a message the user can act on (nothing was written). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

// Per parse, not z.config(): one isolate serves French and English requests at once.
// The two locales by path: `z.locales` would bundle all of zod's ~50 languages.
const zodErrors = { fr: frCA().localeError, en: en().localeError };

/** First message per field, keyed by the dotted path ("scheduledDate", "items.0.name"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

function toInput(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(raw.keys())) {
    const values = raw.getAll(key);
    out[key] = values.length > 1 ? values : values[0]!;
  }
  return out;
}

export interface ActionOptions<S extends z.ZodType> {
  input: S;
  /** Checked before validation; finer, data-dependent checks belong in the handler. */
  permission?: Permission;
  /** Only the password change itself may run while an admin-set password awaits replacement. */
  allowPendingPasswordChange?: boolean;
}

export interface Operation<S extends z.ZodType, T> extends ActionOptions<S> {
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>;
}

export function defineOperation<S extends z.ZodType, T>(
  options: ActionOptions<S>,
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
): Operation<S, T> {
  return { ...options, handler };
}

/** Authorize, validate, run. */
export async function perform<S extends z.ZodType, T>(
  operation: Operation<S, T>,
  raw: unknown,
  context: ActionContext,
): Promise<ActionResult<T>> {
  const { user, t, locale } = context;
  if (operation.permission && !can(user, operation.permission)) return { ok: false, error: t.actions.forbidden };

  const parsed = operation.input.safeParse(toInput(raw ?? {}), { error: zodErrors[locale] });
  if (!parsed.success) return { ok: false, error: t.actions.invalid, fieldErrors: fieldErrorsOf(parsed.error) };

  try {
    return { ok: true, data: await operation.handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof ActionError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}
