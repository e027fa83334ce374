import { cookies } from "next/headers";
import { cache } from "react";
import { getRequestSettings } from "../request-settings";
import { getCurrentUser } from "../session";
import { isLocale, LOCALE_COOKIE, messagesFor, pickLocale, type Locale, type Messages } from "./index";

/** The visitor's language (see pickLocale); the user and settings are read only when no cookie decides. */
export const getLocale = cache(async (): Promise<Locale> => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const user = await getCurrentUser();
  return pickLocale(cookie, user?.locale, user?.locale ? undefined : (await getRequestSettings()).defaultLocale);
});

export async function getMessages(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await getLocale();
  return { locale, t: messagesFor(locale) };
}
