"use server";

import { serverAction } from "@/lib/action";
import { signOut } from "@/lib/accounts/auth";
import { signOutEverywhere } from "@/lib/accounts/sessions";

/** Ends every session of the user (the cookie alone could be replayed: lib/accounts/sessions.ts), then this one's cookie. */
export const signOutEverywhereAction = serverAction(signOutEverywhere, () => signOut({ redirectTo: "/sign-in?signedOut=1" }));

/** The sign-out page's plain form (a form action returns nothing). */
export async function signOutAction(): Promise<void> {
  await signOutEverywhereAction();
}
