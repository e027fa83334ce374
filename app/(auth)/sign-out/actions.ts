"use server";

import { serverAction } from "@/lib/action";
import { signOut } from "@/lib/accounts/auth";
import { signOutEverywhere, signOutThisDevice } from "@/lib/accounts/sessions";

const leave = () => signOut({ redirectTo: "/sign-in?signedOut=1" });

/** Ends this device's session (the cookie alone could be replayed: lib/accounts/sessions.ts), then clears its cookie. */
const signOutThisDeviceAction = serverAction(signOutThisDevice, leave);

/** Ends every session of the user, on every device, then this one's cookie. */
export const signOutEverywhereAction = serverAction(signOutEverywhere, leave);

/** The sign-out page's plain form (a form action returns nothing). */
export async function signOutAction(): Promise<void> {
  await signOutThisDeviceAction();
}
