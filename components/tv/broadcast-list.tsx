import { deleteBroadcastAction, updateBroadcastAction } from "@/app/(admin)/admin/screens/actions";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { MAX_BROADCAST_TEXT, wallTimeValue, type BroadcastRow } from "@/lib/tv/broadcasts";
import { BroadcastForm } from "./broadcast-form";

interface BroadcastListProps {
  broadcasts: BroadcastRow[];
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
  /** The recently ended: listed for the record, nothing to edit. */
  ended?: boolean;
}

const urgencyBadge = {
  urgent: "bg-red-700 text-white",
  warning: "bg-amber-300 text-slate-950",
  info: "bg-slate-200 text-slate-900",
} as const;

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The broadcasts, each with its urgency, whether it shows now, its period and author; edited and deleted in place. */
export function BroadcastList({ broadcasts, now, locale, timeZone, t, ended }: BroadcastListProps) {
  const b = t.tv.admin.broadcasts;
  if (!broadcasts.length) return ended ? null : <EmptyState>{b.empty}</EmptyState>;
  const state = (row: BroadcastRow) => (row.endsAt <= now ? b.endedState : row.startsAt <= now ? b.showing : b.upcoming);
  return (
    <ul className="space-y-3" aria-label={ended ? b.ended : b.current}>
      {broadcasts.map((row) => (
        <li key={row.id} className="space-y-2 rounded-lg border border-slate-200 p-3" data-broadcast={row.id}>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className={`rounded-full px-2 py-0.5 font-semibold ${urgencyBadge[row.urgency]}`}>{t.tv.urgencies[row.urgency]}</span>
            <span className="font-medium text-slate-700">{state(row)}</span>
          </p>
          <p className="font-medium break-words whitespace-pre-line">{row.text}</p>
          <p className="text-sm text-slate-600">
            {format(b.period, { start: formatDateTime(row.startsAt, locale, timeZone), end: formatDateTime(row.endsAt, locale, timeZone) })}
            {row.author && ` · ${format(b.by, { name: row.author })}`}
            {row.hasImage && ` · ${b.withImage}`}
          </p>
          {!ended && (
            <div className="flex flex-wrap items-start gap-2">
              <details className="min-w-0 flex-1 basis-full rounded-md border border-slate-200 p-3 sm:basis-0">
                <summary className="cursor-pointer font-medium" aria-label={format(b.editLabel, { text: short(row.text) })}>
                  {b.edit}
                </summary>
                <div className="mt-3">
                  <BroadcastForm
                    action={updateBroadcastAction}
                    values={{
                      id: row.id,
                      text: row.text,
                      urgency: row.urgency,
                      startsAt: wallTimeValue(row.startsAt, timeZone),
                      endsAt: wallTimeValue(row.endsAt, timeZone),
                      image: row.hasImage ? `/admin/screens/image/${row.id}?v=${row.updatedAt.getTime()}` : null,
                    }}
                    defaults={{ startsAt: "", endsAt: "" }}
                    timeZone={timeZone}
                    maxText={MAX_BROADCAST_TEXT}
                    labels={{ ...b, urgencies: t.tv.urgencies, counter: t.common.counter, overLimit: t.common.overLimit, removeFile: t.common.removeFile }}
                  />
                </div>
              </details>
              <ActionButton
                action={deleteBroadcastAction.bind(null, { id: row.id })}
                label={b.delete}
                aria-label={format(b.deleteLabel, { text: short(row.text) })}
                confirm={{ question: b.deleteConfirm, confirmLabel: b.delete, cancelLabel: t.common.cancel, danger: true }}
                className="btn-secondary text-red-700"
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
