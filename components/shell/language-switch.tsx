import { setLocaleAction } from "@/app/actions";
import type { Locale } from "@/lib/i18n";

interface LanguageSwitchProps {
  locale: Locale;
  label: string;
  ariaLabel: string;
}

/** A plain form: works before hydration and without JavaScript. */
export function LanguageSwitch({ locale, label, ariaLabel }: LanguageSwitchProps) {
  const next: Locale = locale === "fr" ? "en" : "fr";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={next} />
      <button type="submit" lang={next} aria-label={ariaLabel} className="btn-ghost text-sm">
        {label}
      </button>
    </form>
  );
}
