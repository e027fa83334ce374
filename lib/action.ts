// The wrapper every server action goes through: authenticate, authorize,
// validate (zod, messages in the user's language), then run. No action can
// forget a step because no action is written without it.
import { z } from "zod";
import { getDb, type Db } from "./db";
import type { Locale, Messages } from "./i18n";
import { getMessages } from "./i18n/server";
import { can, type Permission } from "./permissions";
import { RuleError } from "./rule-error";
import { getCurrentUser, type CurrentUser } from "./session";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** What a client form receives: the wrapped action, called with its FormData. */
export type ServerAction<T = unknown> = (raw: unknown) => Promise<ActionResult<T>>;

export interface ActionContext {
  user: CurrentUser;
  db: Db;
  t: Messages;
  locale: Locale;
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
const zodErrors = { fr: z.locales.frCA().localeError, en: z.locales.en().localeError };

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

export function authorizedAction<S extends z.ZodType, T>(
  options: ActionOptions<S>,
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (raw?: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    const [user, { locale, t }] = await Promise.all([getCurrentUser(), getMessages()]);
    if (!user) return { ok: false, error: t.actions.signedOut };
    if (user.mustChangePassword && !options.allowPendingPasswordChange) {
      return { ok: false, error: t.profile.password.required };
    }
    if (options.permission && !can(user, options.permission)) return { ok: false, error: t.actions.forbidden };

    const parsed = options.input.safeParse(toInput(raw ?? {}), { error: zodErrors[locale] });
    if (!parsed.success) return { ok: false, error: t.actions.invalid, fieldErrors: fieldErrorsOf(parsed.error) };

    try {
      const data = await handler(parsed.data, { user, db: await getDb(), t, locale });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      throw error;
    }
  };
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

