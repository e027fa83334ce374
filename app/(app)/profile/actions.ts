"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionError, authorizedAction, refuseOnRule, type ActionContext } from "@/lib/action";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { changeOwnPassword, ownPasswordInput, profileInput, updateProfile } from "@/lib/users";

export const updateProfileAction = authorizedAction({ input: profileInput }, async (input, { db, user, t }) => {
  const saved = await refuseOnRule(t.admin.rules, () => updateProfile(db, user, { ...input, locale: input.locale ?? "default" }));
  // The header's language switch sets a cookie that outranks the profile; the
  // profile is the more deliberate choice, so it resets the cookie.
  const jar = await cookies();
  if (saved.locale) jar.set(LOCALE_COOKIE, saved.locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true });
  else jar.delete(LOCALE_COOKIE);
  revalidatePath("/", "layout");
});

const passwordChangeInput = ownPasswordInput.extend({ confirm: z.string().max(200) });

async function changePassword(input: z.output<typeof passwordChangeInput>, { db, user, t }: ActionContext) {
  if (input.confirm !== input.next) throw new ActionError(t.profile.password.mismatch, { confirm: t.profile.password.mismatch });
  await refuseOnRule(t.admin.rules, () => changeOwnPassword(db, user, input));
}

export const changePasswordAction = authorizedAction({ input: passwordChangeInput }, changePassword);

/** The forced change after an admin created the account or reset its password: then the app opens. */
export const replaceTemporaryPasswordAction = authorizedAction(
  { input: passwordChangeInput, allowPendingPasswordChange: true },
  async (input, context) => {
    await changePassword(input, context);
    redirect("/");
  },
);
