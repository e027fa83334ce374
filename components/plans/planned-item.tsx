import Link from "next/link";
import { formatTime } from "@/lib/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import type { PlannedItem as Item } from "@/lib/plans/queries";

interface PlannedItemProps {
  item: Item;
  assignee: string;
  locale: Locale;
  timeZone: string;
  t: Messages;
  /** The calendar's cells are narrow: title and time only, the rest in the link's title. */
  compact?: boolean;
}

/** One occurrence: to its ticket once generated, else to its plan on the machine page. */
export function PlannedItem({ item, assignee, locale, timeZone, t, compact }: PlannedItemProps) {
  const p = t.plans.planning;
  const href = item.ticketId ? `/tickets/${encodeURIComponent(item.ticketId)}` : `/machines/${item.machineId}#machine-plans`;
  const state = item.ticketId ? format(p.created, { ticketId: item.ticketId }) : p.toCome;
  const time = formatTime(item.at, locale, timeZone);
  const details = `${item.machine} · ${assignee} · ${state}`;
  if (compact) {
    return (
      <Link href={href} title={details} className={`block rounded px-1 py-0.5 text-xs break-words hover:bg-slate-100 ${item.ticketId ? "border-l-2 border-emerald-600" : "border-l-2 border-amber-500"}`}>
        <span className="font-medium">{time}</span> {item.title}
        <span className="sr-only"> — {details}</span>
      </Link>
    );
  }
  return (
    <Link href={href} className="block rounded-md border border-slate-200 bg-white p-3 hover:bg-slate-50">
      <span className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold">{time}</span>
        <span className="font-medium break-words">{item.title}</span>
      </span>
      <span className="block text-sm text-slate-700">{item.machine} · {assignee}</span>
      <span className={`text-xs font-medium ${item.ticketId ? "text-emerald-800" : "text-amber-800"}`}>{state}</span>
    </Link>
  );
}
