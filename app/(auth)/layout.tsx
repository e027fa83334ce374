import { LanguageSwitch } from "@/components/shell/language-switch";
import { Brand } from "@/components/shell/brand";
import { getMessages } from "@/lib/request";

export default async function AuthLayout({ children }: LayoutProps<"/">) {
  const { locale, t } = await getMessages();
  return (
    <div className="min-h-dvh bg-slate-100">
      <header className="flex items-center justify-between px-4 py-3">
        <Brand />
        <LanguageSwitch locale={locale} label={t.language.switchTo} ariaLabel={t.language.switchToLabel} />
      </header>
      {children}
    </div>
  );
}
