import { ActionForm, SubmitButton } from "@/components/ui/form";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { offersGo } from "@/lib/notifications/model";
import type { NotificationView } from "@/lib/notifications/queries";
import type { FormAction } from "@/components/ui/form";
import { notificationLine } from "./notification-line";

interface NotificationListProps {
  items: NotificationView[];
  open: FormAction<unknown>;
  /** "J'y vais" on an assignment (offersGo): take the ticket, start it, open it. */
  go: FormAction<unknown>;
  userId: number;
  t: Messages;
  locale: Locale;
  timeZone: string;
}

/** Each notification is a button: pressing it marks it read and opens its ticket or conversation. */
export function NotificationList({ items, open, go, userId, t, locale, timeZone }: NotificationListProps) {
  if (!items.length) return <EmptyState>{t.inbox.empty}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="notification-list">
      {items.map((n) => (
        <li key={n.id} className="flex flex-wrap items-center gap-x-2">
          <ActionForm action={open} className="min-w-0 flex-1">
            <input type="hidden" name="id" value={n.id} />
            <SubmitButton
              pendingLabel={notificationLine(n, t, locale)}
              className={`flex w-full items-start gap-3 px-4 py-3 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700 ${n.read ? "text-slate-600" : "font-medium text-slate-900"}`}
            >
              <span aria-hidden="true" className={`mt-2 size-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-blue-700"}`} />
              <span className="min-w-0 flex-1">
                <span className="block break-words">{notificationLine(n, t, locale)}</span>
                <span className="block text-sm font-normal text-slate-500">
                  <time dateTime={n.createdAt}>{formatDateTime(new Date(n.createdAt), locale, timeZone)}</time>
                  {!n.read && <span className="sr-only">, {t.inbox.unreadMark}</span>}
                </span>
              </span>
            </SubmitButton>
          </ActionForm>
          {offersGo(n, userId) && (
            <ActionForm action={go} className="basis-full space-y-2 px-4 pb-3 sm:basis-auto sm:py-3 sm:pl-0">
              <input type="hidden" name="notificationId" value={n.id} />
              <SubmitButton pendingLabel={t.home.work.working} className="btn-primary min-h-12 w-full sm:w-auto">
                <span aria-hidden="true">{t.inbox.push.take}</span>
                <span className="sr-only">{format(t.inbox.goOn, { ticket: n.ticketCode ?? "" })}</span>
              </SubmitButton>
            </ActionForm>
          )}
        </li>
      ))}
    </ul>
  );
}
