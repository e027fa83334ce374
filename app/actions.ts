"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/lib/i18n";

const localeInput = z.object({ locale: z.enum(locales) });

// Deliberately open to visitors who are not signed in: the sign-in page has the
// switch too, and a language cookie grants nothing.
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
    httpOnly: true,
  });
  revalidatePath("/", "layout");
}
