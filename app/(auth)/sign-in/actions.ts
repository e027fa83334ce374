"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/accounts/auth";
import { safeCallbackPath } from "@/lib/accounts/redirects";

export type SignInErrorCode = "invalid" | "inactive" | "throttled" | "missing" | "unknown";
export interface SignInState {
  error?: SignInErrorCode;
  retryAfterMinutes?: number;
  email?: string;
}

function parseCode(code: string): Pick<SignInState, "error" | "retryAfterMinutes"> {
  const [kind, minutes] = code.split(":");
  if (kind === "throttled") return { error: "throttled", retryAfterMinutes: Number(minutes) || 15 };
  if (kind === "invalid" || kind === "inactive" || kind === "missing") return { error: kind };
  return { error: "invalid" };
}

// Public by nature: this is how a visitor becomes authenticated. Validation,
// throttling and the password check happen in lib/accounts/auth.ts' authorize().
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const password = String(formData.get("password") ?? "");
  if (!email.trim() || !password) return { error: "missing", email };
  try {
    await signIn("credentials", {
      email,
      password,
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { ...parseCode(error.code), email };
    if (error instanceof AuthError) return { error: "unknown", email };
    throw error; // Next's redirect after a successful sign-in
  }
}
