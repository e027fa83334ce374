import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgetKeptPages } from "@/components/offline/forget-kept-pages";
import { getMessages } from "@/lib/request";
import { safeCallbackPath } from "@/lib/accounts/redirects";
import { getCurrentUser } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.signIn.title };
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const { t } = await getMessages();

  return (
    <AuthCard title={t.signIn.title} subtitle={t.signIn.subtitle}>
      {params.signedOut === "1" && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t.signIn.signedOut}
        </p>
      )}
      <SignInForm
        callbackUrl={callbackUrl}
        labels={{
          email: t.signIn.email,
          password: t.signIn.password,
          submit: t.signIn.submit,
          submitting: t.signIn.submitting,
        }}
      />
      <p className="mt-6 text-sm text-slate-600">{t.signIn.noSignUp}</p>
      <ForgetKeptPages />
    </AuthCard>
  );
}
