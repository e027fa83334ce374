import { RuleError } from "@/lib/rule-error";

/** The RuleError a lib/ call was refused with; fails the test if it succeeded or threw something else. */
export async function refusal(promise: Promise<unknown>): Promise<RuleError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RuleError)) throw new Error(`expected a RuleError, got ${String(error)}`);
  return error;
}
