import { getDb } from "@/lib/db";
import type { Locale, Messages } from "@/lib/i18n";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { BellLink } from "./bell-link";

/** The header's bell: the person's unread notifications, live (bell-link.tsx), linking to /notifications. */
export async function NotificationBell({ userId, t, locale }: { userId: number; t: Messages; locale: Locale }) {
  const unread = await countUnreadNotifications(await getDb(), userId);
  return <BellLink initialUnread={unread} label={t.inbox.bell} unreadLabel={t.inbox.unread} locale={locale} />;
}
