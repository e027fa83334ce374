"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/accounts/auth";
import { safeCallbackPath } from "@/lib/accounts/redirects";
import { format } from "@/lib/i18n";
import type { ActionResult } from "@/lib/operation";
import { getMessages } from "@/lib/request";

type SignInErrorCode = "invalid" | "inactive" | "throttled" | "missing" | "unknown";
interface Refusal {
  error: SignInErrorCode;
  retryAfterMinutes?: number;
}

function parseCode(code: string): Refusal {
  const [kind, minutes] = code.split(":");
  if (kind === "throttled") return { error: "throttled", retryAfterMinutes: Number(minutes) || 15 };
  if (kind === "invalid" || kind === "inactive" || kind === "missing") return { error: kind };
  return { error: "invalid" };
}

async function refuse({ error, retryAfterMinutes }: Refusal): Promise<ActionResult> {
  const { t } = await getMessages();
  return { ok: false, error: format(t.signIn.errors[error], { minutes: retryAfterMinutes ?? 15 }) };
}

// Public by nature: this is how a visitor becomes authenticated. Validation,
// throttling and the password check happen in lib/accounts/auth.ts' authorize().
// The form keeps the typed email after a refusal; the action need not echo it.
export async function signInAction(formData: FormData): Promise<ActionResult> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const password = String(formData.get("password") ?? "");
  if (!email.trim() || !password) return refuse({ error: "missing" });
  try {
    await signIn("credentials", {
      email,
      password,
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof CredentialsSignin) return refuse(parseCode(error.code));
    if (error instanceof AuthError) return refuse({ error: "unknown" });
    throw error; // Next's redirect after a successful sign-in
  }
}
