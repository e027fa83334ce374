"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import * as accounts from "@/lib/accounts/users";
import * as guests from "@/lib/accounts/guests";

export const createUserAction = serverAction(accounts.createUser, ({ id }) => redirect(`/admin/users/${id}?created=1`));
export const updateUserAction = serverAction(accounts.updateUser, refresh);
export const resetPasswordAction = serverAction(accounts.resetUserPassword, refresh);
export const setUserActiveAction = serverAction(accounts.setUserActive, refresh);
export const inviteGuestAction = serverAction(guests.inviteGuest, ({ id }) => redirect(`/admin/users/${id}?created=1`));
export const updateGuestAccessAction = serverAction(guests.updateGuestAccess, refresh);
export const endGuestAccessAction = serverAction(guests.endGuestAccess, refresh);
