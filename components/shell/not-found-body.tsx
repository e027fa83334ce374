import type { Metadata } from "next";
import Link from "next/link";
import { getMessages } from "@/lib/request";

/** The tab's title of every 404 (Next reads the not-found convention's own metadata). */
export async function notFoundMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.errors.notFoundTitle };
}

/** What a 404 says, inside whatever frame it is shown in. */
export async function NotFoundBody() {
  const { t } = await getMessages();
  return (
    <div className="mx-auto max-w-md py-14 text-center">
      <p className="text-sm font-semibold text-amber-800">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t.errors.notFoundTitle}</h1>
      <p className="mt-2 text-slate-600">{t.errors.notFoundBody}</p>
      <Link href="/" className="btn-primary mt-6">
        {t.errors.backHome}
      </Link>
    </div>
  );
}
