// Apart from the catalogues so client components can fill templates without
// shipping every language's strings to the browser.
import type { Locale } from "./index";

// Templates use a small subset of ICU MessageFormat: `{name}`, and for counts
// `{count, plural, one {# ticket} other {# tickets}}` where `#` is the count. The
// branches are CLDR categories (zero, one, two, few, many, other) or exact values
// (=0); `other` is required and stands in for any category a language lacks.

/** A template with a plural block: formatting it needs the catalogue's language. */
export type PluralTemplate = `${string}{${string}, plural,${string}`;

export type TemplateValues = Record<string, string | number>;

export type TemplatePart =
  | string
  | { name: string; source: string }
  | { name: string; source: string; branches: Record<string, TemplatePart[]> };

const PLACEHOLDER = /^\{(\w+)\}/;
const PLURAL = /^\{(\w+), plural,/;
const BRANCH = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

/** Index of the brace closing the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** A plural block at the start of `text`, with its length, or null when it is not a well-formed one. */
function pluralBlock(text: string): { part: TemplatePart; length: number } | null {
  const head = text.match(PLURAL);
  const end = head ? closing(text, 0) : -1;
  if (!head || end < 0) return null;
  const branches: Record<string, TemplatePart[]> = {};
  let at = head[0].length;
  for (let branch = text.slice(at, end).match(BRANCH); branch; branch = text.slice(at, end).match(BRANCH)) {
    const open = at + branch[0].length - 1;
    const close = closing(text, open);
    branches[branch[1]!] = parseTemplate(text.slice(open + 1, close));
    at = close + 1;
  }
  if (text.slice(at, end).trim() || !branches.other) return null;
  return { part: { name: head[1]!, source: text.slice(0, end + 1), branches }, length: end + 1 };
}

/** The template as text and arguments; anything that is not a well-formed argument stays text. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = "";
  for (let i = 0; i < template.length; ) {
    const rest = template[i] === "{" ? template.slice(i) : "";
    const simple = rest.match(PLACEHOLDER);
    const block = simple ? null : pluralBlock(rest);
    if (simple || block) {
      if (text) parts.push(text);
      text = "";
      parts.push(simple ? { name: simple[1]!, source: simple[0] } : block!.part);
      i += simple ? simple[0].length : block!.length;
    } else {
      text += template[i];
      i++;
    }
  }
  if (text) parts.push(text);
  return parts;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function category(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

function render(parts: TemplatePart[], values: TemplateValues, locale: Locale | undefined, template: string, count?: string): string {
  return parts
    .map((part) => {
      if (typeof part === "string") return count === undefined ? part : part.replaceAll("#", count);
      if ("branches" in part && !locale) {
        // French and English disagree on 0: guessing a language would silently pick a wrong form.
        throw new Error(`format: "${template}" has plurals; pass the language of the catalogue it comes from`);
      }
      if (!(part.name in values)) return part.source;
      const value = values[part.name]!;
      if (!("branches" in part)) return String(value);
      const n = Number(value);
      const branch = part.branches[`=${n}`] ?? part.branches[category(locale!, n)] ?? part.branches.other!;
      return render(branch, values, locale, template, String(value));
    })
    .join("");
}

/**
 * Fills `{name}` placeholders and plural blocks; unknown placeholders are left visible so
 * they get noticed. A plural template needs `locale`, the language of its catalogue: the
 * type requires it when the template is known to be plural, and it throws otherwise.
 */
export function format<T extends string>(
  template: T,
  values: TemplateValues,
  ...[locale]: T extends PluralTemplate ? [locale: Locale] : [locale?: Locale]
): string {
  return render(parseTemplate(template), values, locale, template);
}
