import { fr } from "./fr";
import { en } from "./en";
import type { PluralTemplate } from "./format";

export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fr";
export const LOCALE_COOKIE = "atelier-locale";

// The French catalogue is `as const` so its plural templates keep a type of their own:
// format() then insists on a locale for them, and en/ must be plural where fr/ is.
type Widen<T> = { -readonly [K in keyof T]: T[K] extends PluralTemplate ? PluralTemplate : T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof fr>;

const catalogues: Record<Locale, Messages> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The language to answer in: the switch the visitor clicked (cookie), else the
 * signed-in user's profile preference, else the factory's default (settings),
 * else French.
 */
export function pickLocale(cookie: unknown, profile: unknown, factoryDefault: unknown): Locale {
  for (const candidate of [cookie, profile, factoryDefault]) if (isLocale(candidate)) return candidate;
  return defaultLocale;
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

export { format, type PluralTemplate } from "./format";
