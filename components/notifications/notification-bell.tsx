import type { Locale, Messages } from "@/lib/i18n";
import { getUnreadNotificationCount } from "@/lib/request";
import { AppInstall } from "./app-install";
import { BellLink } from "./bell-link";

/** The header's bell: the person's unread notifications, live (bell-link.tsx), linking to /notifications; and the app's service worker. */
export async function NotificationBell({ userId, t, locale }: { userId: number; t: Messages; locale: Locale }) {
  const unread = await getUnreadNotificationCount(userId);
  // A server component renders once per request: the stamp marks this render for the client's count.
  const renderedAt = Date.now(); // eslint-disable-line react-hooks/purity
  return (
    <>
      <BellLink userId={userId} initialUnread={unread} renderedAt={renderedAt} label={t.inbox.bell} unreadLabel={t.inbox.unread} locale={locale} />
      {/* The service worker and the install offer ride with the bell: on every signed-in page, from one line of the header. */}
      <AppInstall locale={locale} labels={{ ...t.inbox.install }} />
    </>
  );
}
