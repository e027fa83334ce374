import type { AuditRow } from "@/lib/audit";
import { formatDateTime } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import { actionLabel, changedValues, entityLabel } from "./audit-labels";
import { EmptyState } from "@/components/ui/empty-state";

interface AuditListProps {
  rows: AuditRow[];
  t: Messages;
  locale: Locale;
  timeZone: string;
  /** Every board column's name by key, deleted ones too: an entry that records a column names it. */
  columns: Record<string, string>;
}

export function AuditList({ rows, t, locale, timeZone, columns }: AuditListProps) {
  const a = t.admin.audit;
  if (rows.length === 0) return <EmptyState>{a.empty}</EmptyState>;
  return (
    <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="audit-list">
      {rows.map((row) => (
        <li key={row.id} className="grid gap-2 p-3 sm:grid-cols-[12rem_1fr] sm:px-4">
          <div className="text-sm text-slate-600">
            <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, locale, timeZone)}</time>
            <p className="font-medium text-slate-900">{row.actorName ?? a.system}</p>
          </div>
          <div className="min-w-0 space-y-1">
            <p>
              <span className="font-medium">{actionLabel(row.action, t)}</span>
              <span className="text-slate-600"> · {entityLabel(row.entityType, row.entityId, t)}</span>
            </p>
            {/* On a phone each label sits above its values: a long label ("Ticket créé avant l’échéance") left them a sliver. */}
            <dl className="grid gap-x-3 gap-y-0.5 text-sm break-words sm:grid-cols-[auto_1fr]">
              {changedValues(row.before, row.after, t, locale, timeZone, columns).map(({ key, label, before, after }) => (
                <div key={key} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="min-w-0 pb-1 sm:pb-0">
                    <span className="sr-only">{a.before}</span>
                    <del className="text-slate-500">{before}</del>
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only">{a.after}</span>
                    <ins className="no-underline">{after}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        </li>
      ))}
    </ol>
  );
}
