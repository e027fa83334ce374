import Link from "next/link";
import { getMessages } from "@/lib/request";

export default async function NotFound() {
  const { t } = await getMessages();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-20 text-center">
      <p className="text-sm font-semibold text-amber-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t.errors.notFoundTitle}</h1>
      <p className="mt-2 text-slate-600">{t.errors.notFoundBody}</p>
      <Link href="/" className="btn-primary mt-6">
        {t.errors.backHome}
      </Link>
    </main>
  );
}
