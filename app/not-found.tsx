import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentUser, getMessages } from "@/lib/request";

// The one 404 for unknown addresses and for notFound() anywhere (a missing machine,
// an admin page a role may not see). Signed-in people keep the shell, so the way on
// is one tap away.

// Next reads the not-found convention's own metadata, so the tab says what happened.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.errors.notFoundTitle };
}

export default async function NotFound() {
  const [{ t }, user] = await Promise.all([getMessages(), getCurrentUser()]);
  const body = (
    <div className="mx-auto max-w-md py-14 text-center">
      <p className="text-sm font-semibold text-amber-800">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t.errors.notFoundTitle}</h1>
      <p className="mt-2 text-slate-600">{t.errors.notFoundBody}</p>
      <Link href="/" className="btn-primary mt-6">
        {t.errors.backHome}
      </Link>
    </div>
  );
  if (user && !user.mustChangePassword) return <AppShell user={user}>{body}</AppShell>;
  return (
    <main id="main" tabIndex={-1} className="px-4 outline-none">
      {body}
    </main>
  );
}
