"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import * as accounts from "@/lib/accounts/users";
import { disconnectUser } from "@/lib/messages/live";

export const createUserAction = serverAction(accounts.createUser, ({ id }) => redirect(`/admin/users/${id}?created=1`));
export const updateUserAction = serverAction(accounts.updateUser, refresh);
export const resetPasswordAction = serverAction(accounts.resetUserPassword, refresh);
/** A deactivated user's live sockets close at once: sign-in is blocked, and so are messages. */
export const setUserActiveAction = serverAction(accounts.setUserActive, async (user) => {
  if (!user.active) await disconnectUser(user.id);
  refresh();
});
