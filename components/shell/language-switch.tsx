import { setLocaleAction } from "@/app/actions";
import type { Locale } from "@/lib/i18n";

interface LanguageSwitchProps {
  locale: Locale;
  label: string;
  ariaLabel: string;
  /** The button's look: a ghost button in a header, a menu row in the phone's "Plus" menu. */
  className?: string;
}

/** A plain form: works before hydration and without JavaScript. */
export function LanguageSwitch({ locale, label, ariaLabel, className = "btn-ghost text-sm" }: LanguageSwitchProps) {
  const next: Locale = locale === "fr" ? "en" : "fr";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={next} />
      <button type="submit" lang={next} aria-label={ariaLabel} className={className}>
        {label}
      </button>
    </form>
  );
}
