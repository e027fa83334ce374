import Link from "next/link";
import { notFound } from "next/navigation";
import { isLocale, messagesFor } from "@/lib/i18n";

// What public/sw.js shows when a page cannot load: fetched by the service worker
// at install, in both languages, and picked by the person's language. No session,
// no data: the words only.

export default async function OfflinePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = messagesFor(locale).inbox.offline;
  return (
    <main id="main" lang={locale === "fr" ? "fr-CA" : "en-CA"} className="mx-auto max-w-md px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p className="mt-2 text-slate-600">{t.text}</p>
      <Link href="/" className="btn-primary mt-6">
        {t.retry}
      </Link>
    </main>
  );
}
