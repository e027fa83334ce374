import { ActionForm, SubmitButton } from "@/components/ui/form";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import type { NotificationView } from "@/lib/notifications/queries";
import type { FormAction } from "@/components/ui/form";
import { notificationLine } from "./notification-line";

interface NotificationListProps {
  items: NotificationView[];
  open: FormAction<unknown>;
  t: Messages;
  locale: Locale;
  timeZone: string;
}

/** Each notification is a button: pressing it marks it read and opens its ticket or conversation. */
export function NotificationList({ items, open, t, locale, timeZone }: NotificationListProps) {
  if (!items.length) return <EmptyState>{t.inbox.empty}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="notification-list">
      {items.map((n) => (
        <li key={n.id}>
          <ActionForm action={open}>
            <input type="hidden" name="id" value={n.id} />
            <SubmitButton
              pendingLabel={notificationLine(n, t)}
              className={`flex w-full items-start gap-3 px-4 py-3 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700 ${n.read ? "text-slate-600" : "font-medium text-slate-900"}`}
            >
              <span aria-hidden="true" className={`mt-2 size-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-blue-700"}`} />
              <span className="min-w-0 flex-1">
                <span className="block break-words">{notificationLine(n, t)}</span>
                <span className="block text-sm font-normal text-slate-500">
                  <time dateTime={n.createdAt}>{formatDateTime(new Date(n.createdAt), locale, timeZone)}</time>
                  {!n.read && <span className="sr-only">, {t.inbox.unreadMark}</span>}
                </span>
              </span>
            </SubmitButton>
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}
