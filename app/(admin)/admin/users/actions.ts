"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { performAsCurrentUser } from "@/lib/action";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/lib/accounts/users";

export async function createUserAction(raw: unknown) {
  const result = await performAsCurrentUser(createUser, raw);
  if (!result.ok) return result;
  redirect(`/admin/users/${result.data.id}?created=1`);
}

export async function updateUserAction(raw: unknown) {
  const result = await performAsCurrentUser(updateUser, raw);
  if (result.ok) refresh();
  return result;
}

export async function resetPasswordAction(raw: unknown) {
  const result = await performAsCurrentUser(resetUserPassword, raw);
  if (result.ok) refresh();
  return result;
}

export async function setUserActiveAction(raw: unknown) {
  const result = await performAsCurrentUser(setUserActive, raw);
  if (!result.ok) return result;
  refresh();
  return { ok: true as const, data: { active: result.data.active } };
}
