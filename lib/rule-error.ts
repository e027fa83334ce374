/**
 * A business rule refused the request (duplicate email, last admin...). Thrown
 * by lib/ functions with a stable code; the server action words it in the
 * user's language (see refuseOnRule in lib/action.ts). Nothing was written.
 */
export class RuleError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    /** The form field the refusal is about, when there is one. */
    readonly field?: string,
    /** Several fields refused at once: field -> rule code. */
    readonly fields?: Record<string, string>,
  ) {
    super(code);
    this.name = "RuleError";
  }
}

/** lib/ functions check permissions too: integration tests call them directly as each role. */
export function forbidden(): RuleError<"forbidden"> {
  return new RuleError("forbidden");
}
