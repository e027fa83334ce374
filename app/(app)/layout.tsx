import { AppHeader } from "@/components/shell/app-header";
import { getMessages } from "@/lib/i18n/server";
import { requireUser } from "@/lib/session";

export default async function AppLayout({ children }: LayoutProps<"/">) {
  const [user, { locale, t }] = await Promise.all([requireUser(), getMessages()]);
  return (
    <div className="min-h-dvh">
      <AppHeader user={user} locale={locale} t={t} />
      <main id="main" className="mx-auto max-w-6xl px-3 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
