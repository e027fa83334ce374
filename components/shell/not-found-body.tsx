import type { Metadata } from "next";
import Link from "next/link";
import { isGuest } from "@/lib/permissions";
import { getCurrentUser, getMessages } from "@/lib/request";

/** The tab's title of every 404 (Next reads the not-found convention's own metadata). */
export async function notFoundMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.errors.notFoundTitle };
}

/**
 * What a 404 says, inside whatever frame it is shown in. Inside the shell (`signedIn`),
 * a guest, who has no dashboard, is led back to their messages; the last-resort 404
 * stays plain and reads no session.
 */
export async function NotFoundBody({ signedIn = false }: { signedIn?: boolean }) {
  const [{ t }, user] = await Promise.all([getMessages(), signedIn ? getCurrentUser() : null]);
  const guest = isGuest(user);
  return (
    <div className="mx-auto max-w-md py-14 text-center">
      <p className="text-sm font-semibold text-amber-800">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t.errors.notFoundTitle}</h1>
      <p className="mt-2 text-slate-600">{t.errors.notFoundBody}</p>
      <Link href={guest ? "/messages" : "/"} className="btn-primary mt-6">
        {guest ? t.errors.backToMessages : t.errors.backHome}
      </Link>
    </div>
  );
}
