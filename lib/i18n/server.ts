import { cookies } from "next/headers";
import { cache } from "react";
import { getRequestSettings } from "../request-settings";
import { getCurrentUser } from "../session";
import { isLocale, LOCALE_COOKIE, messagesFor, type Locale, type Messages } from "./index";

/**
 * The visitor's language: the switch they clicked (cookie), else their
 * profile's preference, else the factory's default language (settings).
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(value)) return value;
  const user = await getCurrentUser();
  if (user?.locale) return user.locale;
  return (await getRequestSettings()).defaultLocale;
});

export async function getMessages(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await getLocale();
  return { locale, t: messagesFor(locale) };
}
