"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { keepCurrentSession } from "@/lib/accounts/auth";
import { changeOwnPassword, replaceTemporaryPassword, updatePresenceVisibility, updateProfile } from "@/lib/accounts/users";
import { LOCALE_COOKIE } from "@/lib/i18n";

/** Name and language show on every page (header, every word): the whole layout changed. */
export const updateProfileAction = serverAction(updateProfile, async ({ locale }) => {
  // The header's language switch sets a cookie that outranks the profile; the
  // profile is the more deliberate choice, so it resets the cookie.
  const jar = await cookies();
  if (locale) jar.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true });
  else jar.delete(LOCALE_COOKIE);
  revalidatePath("/", "layout");
});

/** Whether the person shows online: the form says the outcome, and the hub tells everyone else. */
export const updatePresenceAction = serverAction(updatePresenceVisibility);

// The change ends every session, this one included (its cookie carries the old
// version): re-signing it here sets a cookie, and the re-render Next then does
// still reads the request's old cookie, which sent the user through /sign-in.
export const changePasswordAction = serverAction(changeOwnPassword);

/** The forced change after an admin created the account or reset its password: then the app opens. */
export const replaceTemporaryPasswordAction = serverAction(replaceTemporaryPassword, async () => {
  await keepCurrentSession();
  redirect("/");
});
