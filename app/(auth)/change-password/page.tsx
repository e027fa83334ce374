import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { replaceTemporaryPasswordAction } from "@/app/(app)/profile/actions";
import { AuthCard } from "@/components/auth/auth-card";
import { PasswordForm } from "@/components/profile/password-form";
import { getMessages } from "@/lib/request";
import { getCurrentUser } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.profile.forced.title };
}

// Outside the (app) layout on purpose: every page there sends such a user here.
export default async function ChangePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!user.mustChangePassword) redirect("/");
  const { t } = await getMessages();
  const p = t.profile;
  return (
    <AuthCard title={p.forced.title} subtitle={p.forced.subtitle}>
      <PasswordForm
        action={replaceTemporaryPasswordAction}
        labels={{ ...p.password, current: p.password.temporary, submit: p.forced.submit }}
      />
      <Link href="/sign-out" className="mt-6 inline-block text-sm text-slate-700 underline">
        {t.userMenu.signOut}
      </Link>
    </AuthCard>
  );
}
