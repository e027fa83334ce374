// The one way a mutation runs: an operation (input schema, permission, handler)
// performed for a known actor: authorize, validate, run. A handler refuses with a
// rule code (refuse()), and perform() words every refusal in the actor's language
// from one catalogue (t.rules). lib/action.ts adds authentication for server
// actions; tests call perform() directly as each role.
import { z } from "zod";
import type { Db } from "./db/client";
import { format, type Locale, type Messages } from "./i18n";
import { can, isGuest, type Permission, type Role } from "./permissions";
import { humanFieldErrors } from "./validation";
import type { WebhookEnv } from "./webhooks/config";
import type { NotificationDispatch } from "./notifications/dispatch";
import type { LivePublish } from "./messages/live";
import type { SpeechContext } from "./voice/jobs";

export type RuleCode = keyof Messages["rules"];

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code?: RuleCode; error: string; fieldErrors?: Record<string, string> };

/** Who performs an operation: the signed-in user, as the session gives them. */
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
  /** The R2 bucket for photos, videos and the logo; read from the worker's env when absent. */
  media?: R2Bucket;
  /** The worker's webhook variables (secrets, .dev.vars); read from the worker's env when absent. */
  webhookEnv?: WebhookEnv;
  now?: Date;
  /** The id of the session the request came with (lib/accounts/sessions.ts); absent outside a request. */
  sessionId?: string;
  /** That session's version ("sv"), for the live socket's token; absent outside a request. */
  sessionVersion?: number;
  /** The client's address, for the throttle of password checks; absent outside a request. */
  clientAddress?: string;
  /** Where written notifications go (lib/notifications/dispatch.ts by default); tests collect them. */
  dispatchNotifications?: NotificationDispatch;
  /** Where live events go (the conversation hub, lib/messages/live.ts, by default); tests collect them. */
  publishLive?: LivePublish;
  /** Speech-to-text (lib/voice/): the worker's AI binding and transcripts queue unless given (tests). */
  speech?: SpeechContext["speech"];
}

interface RefusalOptions {
  /** The form field the refusal is about: it gets the same message. */
  field?: string;
  /** Several fields refused at once, each with its own rule. */
  fields?: Record<string, RuleCode>;
  /** Values for the message's {placeholders}. */
  values?: Record<string, string | number>;
}

/** A rule refused the request; nothing was written. */
export class Refusal extends Error {
  // Plain fields, not constructor parameter properties: the benches and scripts run
  // these modules with Node's type stripping, which refuses parameter properties.
  readonly code: RuleCode;
  readonly options: RefusalOptions;

  constructor(code: RuleCode, options: RefusalOptions = {}) {
    super(code);
    this.name = "Refusal";
    this.code = code;
    this.options = options;
  }

  /** The rule per refused field, when the refusal names several. */
  get fields(): Record<string, RuleCode> | undefined {
    return this.options.fields;
  }
}

export function refuse(code: RuleCode, options?: RefusalOptions): never {
  throw new Refusal(code, options);
}

/** The refusal as the user reads it. */
export function refusalResult(t: Messages, code: RuleCode, options: RefusalOptions = {}): ActionResult<never> {
  const word = (rule: RuleCode) => format(t.rules[rule], options.values ?? {});
  const error = word(code);
  const fieldErrors: Record<string, string> = {};
  for (const [field, rule] of Object.entries(options.fields ?? {})) fieldErrors[field] = word(rule);
  if (options.field) fieldErrors[options.field] = error;
  return { ok: false, code, error, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
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

export interface Operation<S extends z.ZodType, T> {
  input: S;
  /** Checked before validation; finer, data-dependent checks belong in the handler. */
  permission?: Permission;
  /** Only the password change itself may run while an admin-set password awaits replacement. */
  allowPendingPasswordChange?: boolean;
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>;
}

export function defineOperation<S extends z.ZodType, T>(
  options: Omit<Operation<S, T>, "handler">,
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
): Operation<S, T> {
  return { ...options, handler };
}

/** Authorize, validate, run; refusals come back as results, anything else throws. */
export async function perform<S extends z.ZodType, T>(
  operation: Operation<S, T>,
  raw: unknown,
  context: ActionContext,
): Promise<ActionResult<T>> {
  const { user, t, locale } = context;
  // To a guest, what they may not use does not exist: its read route answers 404, as every page does (lib/request.ts).
  if (operation.permission && !can(user, operation.permission)) return refusalResult(t, isGuest(user) ? "notFound" : "forbidden");

  const input = toInput(raw ?? {});
  const parsed = operation.input.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", error: t.rules.invalid, fieldErrors: humanFieldErrors(parsed.error, input, t, locale) };

  try {
    return { ok: true, data: await operation.handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof Refusal) return refusalResult(t, error.code, error.options);
    throw error;
  }
}
