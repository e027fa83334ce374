import { LiveProvider } from "@/components/messages/live-provider";
import { OfflineNotice } from "@/components/offline/offline-notice";
import { OfflineProvider } from "@/components/offline/offline-provider";
import { getMessages, getRequestSettings, getUnreadMessageCount, type CurrentUser } from "@/lib/request";
import { AppHeader } from "./app-header";

/** The signed-in frame shared by the (app) and (admin) layouts and the 404 page: header, then the page. */
export async function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const [{ locale, t }, settings, unread] = await Promise.all([getMessages(), getRequestSettings(), getUnreadMessageCount(user.id)]);
  return (
    // One live socket per tab, opened here so the header's count is live on every page.
    <LiveProvider userId={user.id} initialUnread={unread}>
      {/* Offline: kept pages and the outbox, per person (components/offline/, public/sw.js). */}
      <OfflineProvider owner={user.id} locale={locale} timeZone={settings.timeZone} words={t.offline}>
        <div className="min-h-dvh">
          <AppHeader user={user} locale={locale} t={t} companyName={settings.companyName} logoKey={settings.logoKey} />
          {/* Phones: room under the content for the tab bar (3.5rem and the safe area). */}
          <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-3 pt-4 pb-[calc(5rem+env(safe-area-inset-bottom))] outline-none md:px-6 md:py-6">
            <OfflineNotice />
            {children}
          </main>
        </div>
      </OfflineProvider>
    </LiveProvider>
  );
}
