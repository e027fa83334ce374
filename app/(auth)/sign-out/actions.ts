"use server";

import { signOut } from "@/lib/accounts/auth";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
