import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/lib/db/client";
import { format, messagesFor } from "@/lib/i18n";
import { listNotifications } from "@/lib/notifications/queries";
import { getLocale, getMessages, getRequestSettings, requireUser } from "@/lib/request";
import { goOnAssignmentAction, markAllNotificationsReadAction, openNotificationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await getLocale()).inbox.title };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw > 1 && raw <= 10_000 ? raw : 1;
  const [{ locale, t }, settings, { items, pages }] = await Promise.all([getMessages(), getRequestSettings(), listNotifications(await getDb(), user.id, page)]);
  const labels = { ...t.inbox.pagination, page: format(t.inbox.pagination.page, { page, pages }) };
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t.inbox.title}>
        {items.some((n) => !n.read) && <ActionButton action={markAllNotificationsReadAction.bind(null, {})} label={t.inbox.markAllRead} />}
      </PageHeader>
      <NotificationList items={items} open={openNotificationAction} go={goOnAssignmentAction} userId={user.id} t={t} locale={locale} timeZone={settings.timeZone} />
      <Pagination page={page} pages={pages} href={(p) => `/notifications?page=${p}`} labels={labels} />
    </div>
  );
}
