"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/accounts/auth";
import { safeCallbackPath } from "@/lib/accounts/redirects";
import { lastDayOfAccess } from "@/lib/accounts/guest-access";
import { formatDay } from "@/lib/format";
import { format } from "@/lib/i18n";
import type { ActionResult } from "@/lib/operation";
import { getMessages, getRequestSettings } from "@/lib/request";

type SignInErrorCode = "invalid" | "inactive" | "throttled" | "missing" | "expired" | "unknown";
interface Refusal {
  error: SignInErrorCode;
  retryAfterMinutes?: number;
  /** When a guest's access ended (lib/accounts/guests.ts). */
  endedAt?: Date;
}

function parseCode(code: string): Refusal {
  const [kind, ...rest] = code.split(":");
  const detail = rest.join(":");
  if (kind === "throttled") return { error: "throttled", retryAfterMinutes: Number(detail) || 15 };
  if (kind === "expired" && !Number.isNaN(Date.parse(detail))) return { error: "expired", endedAt: new Date(detail) };
  if (kind === "invalid" || kind === "inactive" || kind === "missing") return { error: kind };
  return { error: "invalid" };
}

async function refuse({ error, retryAfterMinutes, endedAt }: Refusal): Promise<ActionResult> {
  const [{ t, locale }, { timeZone }] = await Promise.all([getMessages(), getRequestSettings()]);
  // The last day of access on the factory's calendar: "Votre accès invité a pris fin le lundi 23 novembre 2026."
  const day = endedAt ? formatDay(lastDayOfAccess(endedAt, timeZone), locale) : "";
  return { ok: false, error: format(t.signIn.errors[error], { minutes: retryAfterMinutes ?? 15, day }) };
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
