"use client";

import Link from "next/link";
import { errorsEn } from "@/lib/i18n/en/errors";
import { format } from "@/lib/i18n/format";
import { errorsFr } from "@/lib/i18n/fr/errors";

interface ErrorMessageProps {
  digest?: string;
  onRetry: () => void;
}

// Error boundaries are client components and cannot await the server's locale;
// the root layout already wrote it into <html lang>.
function currentLocale() {
  return document.documentElement.lang.startsWith("en") ? "en" : "fr";
}

export function ErrorMessage({ digest, onRetry }: ErrorMessageProps) {
  // Only the error pages' words: the whole catalogue would weigh on every page's first load.
  const t = { errors: (typeof document === "undefined" ? "fr" : currentLocale()) === "en" ? errorsEn : errorsFr };
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t.errors.errorTitle}</h1>
      <p className="mt-2 text-slate-600">{t.errors.errorBody}</p>
      {digest && <p className="mt-2 text-xs text-slate-500">{format(t.errors.errorReference, { digest })}</p>}
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={onRetry} className="btn-primary">
          {t.errors.retry}
        </button>
        <Link href="/" className="btn-secondary">
          {t.errors.backHome}
        </Link>
      </div>
    </main>
  );
}
