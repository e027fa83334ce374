import { Icon } from "@/components/shell/icons";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/format";

interface OverdueAlertBadgeProps {
  notification: { deliveryStatus: string; sentAt: Date | null; nextAttemptAt: Date | null; attempts: number } | null;
  t: Messages["notifications"]["badge"];
  locale: Locale;
  timeZone: string;
}

/** On the ticket page: whether the overdue alert went out, and when. */
export function OverdueAlertBadge({ notification, t, locale, timeZone }: OverdueAlertBadgeProps) {
  if (!notification || !["sent", "pending", "failed"].includes(notification.deliveryStatus)) return null;
  const when = (date: Date | null) => (date ? formatDateTime(date, locale, timeZone) : "");
  const [text, tone] =
    notification.deliveryStatus === "sent"
      ? [format(t.sent, { date: when(notification.sentAt) }), "border-amber-300 bg-amber-50 text-amber-900"]
      : notification.deliveryStatus === "pending"
        ? [format(t.pending, { date: when(notification.nextAttemptAt) }), "border-red-300 bg-red-50 text-red-800"]
        : [format(t.failed, { attempts: notification.attempts }), "border-red-300 bg-red-50 text-red-800"];
  return (
    <p className={`inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium ${tone}`} data-testid="overdue-alert">
      <Icon name="bell" className="size-4 shrink-0" />
      {text}
    </p>
  );
}
