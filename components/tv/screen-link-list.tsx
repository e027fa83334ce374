import { revokeScreenLinkAction, updateScreenLinkAction } from "@/app/(admin)/admin/screens/actions";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { format, isLocale, type Locale, type Messages } from "@/lib/i18n";
import { ScreenLinkForm } from "./screen-link-form";

interface ScreenLinkListProps {
  links: { id: number; name: string; locale: string; createdAt: Date; revokedAt: Date | null }[];
  languages: { value: string; label: string }[];
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** The plant's screens: those in service, each renamed or revoked in place, then the revoked ones, for the record. */
export function ScreenLinkList({ links, languages, locale, timeZone, t }: ScreenLinkListProps) {
  const l = t.tv.admin.links;
  if (!links.length) return <EmptyState>{l.empty}</EmptyState>;
  return (
    <ul className="space-y-3" aria-label={l.heading}>
      {links.map((link) => (
        <li key={link.id} className="space-y-2 rounded-lg border border-slate-200 p-3" data-screen-link={link.id}>
          <p className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium break-words">{link.name}</span>
            <span className={`text-sm font-medium ${link.revokedAt ? "text-slate-600" : "text-green-800"}`}>
              {link.revokedAt ? format(l.revokedOn, { date: formatDateTime(link.revokedAt, locale, timeZone) }) : l.inService}
            </span>
          </p>
          <p className="text-sm text-slate-600">
            {format(l.languageValue, { language: isLocale(link.locale) ? t.profile.languages[link.locale] : link.locale })} ·{" "}
            {format(l.createdOn, { date: formatDateTime(link.createdAt, locale, timeZone) })}
          </p>
          {!link.revokedAt && (
            <div className="flex flex-wrap items-start gap-2">
              <details className="min-w-0 flex-1 basis-full rounded-md border border-slate-200 p-3 sm:basis-0">
                <summary className="cursor-pointer font-medium" aria-label={format(l.editLabel, { name: link.name })}>
                  {l.edit}
                </summary>
                <div className="mt-3">
                  <ScreenLinkForm link={link} update={updateScreenLinkAction} languages={languages} labels={{ ...l }} />
                </div>
              </details>
              <ActionButton
                action={revokeScreenLinkAction.bind(null, { id: link.id })}
                label={l.revoke}
                pendingLabel={l.revoking}
                aria-label={format(l.revokeLabel, { name: link.name })}
                confirm={{ question: format(l.revokeConfirm, { name: link.name }), confirmLabel: l.revoke, cancelLabel: t.common.cancel, danger: true }}
                className="btn-secondary text-red-700"
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
