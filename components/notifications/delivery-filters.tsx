import Link from "next/link";
import { SelectField, TextField } from "@/components/ui/fields";
import type { Messages } from "@/lib/i18n";
import { deliveryStatuses, type DeliveryFilter } from "@/lib/webhooks/queries";

/** A plain GET form: the filtered log is a URL that can be shared or bookmarked. */
export function DeliveryFilters({ filter, t }: { filter: DeliveryFilter; t: Messages["notifications"]["log"] }) {
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end">
      <TextField id="f-ticket" name="ticket" label={t.filterTicket} defaultValue={filter.ticket} placeholder={t.filterTicketPlaceholder} />
      <SelectField
        id="f-status"
        name="status"
        label={t.filterStatus}
        defaultValue={filter.status ?? ""}
        placeholder={t.allStatuses}
        options={deliveryStatuses.map((s) => ({ value: s, label: t.status[s] }))}
      />
      <TextField id="f-from" name="from" type="date" label={t.filterFrom} defaultValue={filter.from} />
      <TextField id="f-to" name="to" type="date" label={t.filterTo} defaultValue={filter.to} />
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
