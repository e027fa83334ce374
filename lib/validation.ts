// A zod issue as a person reads it: one sentence per field, in their language,
// naming the field as its form labels it ("Le titre doit contenir au moins 3
// caractères."). perform() (lib/operation.ts) is the only caller, so every form
// gets the same words; the catalogue is lib/i18n/{fr,en}/validation.ts.
import { z } from "zod";
import { format, type Locale, type Messages } from "./i18n";

/** A form's checkbox: "on" when ticked, absent when not (and a plain boolean from code): true or false. */
export const checkbox = z
  .preprocess((v) => v === "on" || v === true || v === "true", z.boolean())
  .optional()
  .transform((v) => v ?? false);

type Issue = z.core.$ZodIssue;
type Words = Messages["validation"];

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const lengthOf = (value: unknown) => (typeof value === "string" ? value.trim().length : 0);

/** The message for one issue on a field people type, `label` being that field's name with its article. */
function sentence(issue: Issue, value: unknown, label: string, v: Words, locale: Locale): string {
  const field = { field: label };
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return isEmpty(value) || Number(issue.minimum) <= 1 ? format(v.required, field) : format(v.tooShort, { ...field, min: Number(issue.minimum) }, locale);
      }
      if (issue.origin === "array") return format(v.required, field);
      if (isEmpty(value)) return format(v.required, field);
      // positive() is "more than 0": for whole numbers, at least 1.
      return format(v.tooSmall, { ...field, min: Number(issue.minimum) + (issue.inclusive === false ? 1 : 0) });
    case "too_big":
      if (issue.origin === "string") return format(v.tooLong, { ...field, max: Number(issue.maximum), length: lengthOf(value) }, locale);
      return format(v.tooBig, { ...field, max: Number(issue.maximum) });
    case "invalid_type":
      if (isEmpty(value)) return format(v.required, field);
      return issue.expected === "number" || issue.expected === "int" ? format(v.notWhole, field) : format(v.invalid, field);
    case "invalid_value":
      return isEmpty(value) ? format(v.required, field) : format(v.notInList, field);
    case "invalid_union":
      return isEmpty(value) ? format(v.required, field) : format(v.invalid, field);
    default:
      return format(v.invalid, field);
  }
}

/** One message per field, the first issue's, keyed by the dotted path ("date", "items.0.name"). */
export function humanFieldErrors(error: z.ZodError, input: unknown, t: Messages, locale: Locale): Record<string, string> {
  const v = t.validation;
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (out[key] !== undefined) continue;
    const name = String(issue.path[0] ?? "");
    const chosen = (v.choose as Record<string, string>)[name];
    const label = (v.fields as Record<string, string>)[name];
    out[key] = chosen ?? (label ? sentence(issue, valueAt(input, issue.path), label, v, locale) : v.stale);
  }
  return out;
}
