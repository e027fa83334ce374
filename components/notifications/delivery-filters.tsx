import Link from "next/link";
import type { Messages } from "@/lib/i18n";
import { deliveryStatuses, type DeliveryFilter } from "@/lib/webhooks/queries";

/** A plain GET form: the filtered log is a URL that can be shared or bookmarked. */
export function DeliveryFilters({ filter, t }: { filter: DeliveryFilter; t: Messages["notifications"]["log"] }) {
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end">
      <div className="space-y-1">
        <label htmlFor="f-ticket" className="block text-sm font-medium">
          {t.filterTicket}
        </label>
        <input id="f-ticket" name="ticket" defaultValue={filter.ticket} placeholder={t.filterTicketPlaceholder} className="field" />
      </div>
      <div className="space-y-1">
        <label htmlFor="f-status" className="block text-sm font-medium">
          {t.filterStatus}
        </label>
        <select id="f-status" name="status" defaultValue={filter.status ?? ""} className="field">
          <option value="">{t.allStatuses}</option>
          {deliveryStatuses.map((s) => (
            <option key={s} value={s}>
              {t.status[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="f-from" className="block text-sm font-medium">
          {t.filterFrom}
        </label>
        <input id="f-from" name="from" type="date" defaultValue={filter.from} className="field" />
      </div>
      <div className="space-y-1">
        <label htmlFor="f-to" className="block text-sm font-medium">
          {t.filterTo}
        </label>
        <input id="f-to" name="to" type="date" defaultValue={filter.to} className="field" />
      </div>
      <div className="flex gap-2">
        <button type="submit" className="btn-primary">
          {t.filter}
        </button>
        <Link href="/admin/notifications#log" className="btn-ghost">
          {t.reset}
        </Link>
      </div>
    </form>
  );
}
