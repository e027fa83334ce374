import type { Locale } from "./i18n";

/** BCP 47 tag for Intl formatting: Québec French first. */
export function intlLocale(locale: Locale): string {
  return locale === "fr" ? "fr-CA" : "en-CA";
}

// Building an Intl formatter costs far more than using one (the locale data is
// resolved each time), and a page formats hundreds of dates: a board's cards, a
// conversation's messages, eight weeks of planned work. Formatters are kept per
// locale and options for the isolate's life.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `new Intl.DateTimeFormat(locale, options)`, built once per locale and options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = dateTimeFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, formatter);
  }
  return formatter;
}
