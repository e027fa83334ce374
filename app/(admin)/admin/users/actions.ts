"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, refuseOnRule } from "@/lib/action";
import {
  createUser,
  passwordResetInput,
  resetUserPassword,
  setUserActive,
  updateUser,
  userActiveInput,
  userCreateInput,
  userUpdateInput,
} from "@/lib/users";

const manage = "user.manage" as const;

export const createUserAction = authorizedAction({ input: userCreateInput, permission: manage }, async (input, { db, user, t }) => {
  const created = await refuseOnRule(t.admin.rules, () => createUser(db, user, input));
  revalidatePath("/admin/users");
  redirect(`/admin/users/${created.id}?created=1`);
});

export const updateUserAction = authorizedAction({ input: userUpdateInput, permission: manage }, async (input, { db, user, t }) => {
  await refuseOnRule(t.admin.rules, () => updateUser(db, user, input));
  revalidatePath("/admin/users", "layout");
});

export const resetPasswordAction = authorizedAction({ input: passwordResetInput, permission: manage }, async (input, { db, user, t }) => {
  await refuseOnRule(t.admin.rules, () => resetUserPassword(db, user, input));
  revalidatePath("/admin/users", "layout");
});

export const setUserActiveAction = authorizedAction({ input: userActiveInput, permission: manage }, async (input, { db, user, t }) => {
  const after = await refuseOnRule(t.admin.rules, () => setUserActive(db, user, input));
  revalidatePath("/admin/users", "layout");
  return { active: after.active };
});
