import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SubmitButton } from "@/components/ui/form";
import { getMessages, getCurrentUser } from "@/lib/request";
import { signOutAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.signOut.title };
}

export default async function SignOutPage() {
  if (!(await getCurrentUser())) redirect("/sign-in");
  const { t } = await getMessages();
  return (
    <AuthCard title={t.signOut.title}>
      <p className="mt-2 mb-6 text-slate-700">{t.signOut.confirm}</p>
      <form action={signOutAction} className="flex flex-col gap-3 sm:flex-row-reverse">
        <SubmitButton pendingLabel={t.signOut.submit} className="btn-primary flex-1">
          {t.signOut.submit}
        </SubmitButton>
        <Link href="/" className="btn-secondary flex-1 text-center">
          {t.signOut.cancel}
        </Link>
      </form>
    </AuthCard>
  );
}
