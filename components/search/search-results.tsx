import Link from "next/link";
import { PriorityBadge } from "@/components/dashboard/priority-badge";
import { MachineStatusBadge } from "@/components/machines/machine-status-badge";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/format";
import type { Role } from "@/lib/permissions";
import { privateKey } from "@/lib/messages/model";
import type { KindResults, SearchResults } from "@/lib/site-search/queries";
import { Highlighted } from "./highlighted";

interface SearchResultsProps {
  results: SearchResults;
  /** The plant's column names by key (lib/tickets/columns.ts). */
  statusNames: Record<string, string>;
  viewerId: number;
  t: Messages;
  locale: Locale;
  timeZone: string;
}

/** Results grouped by kind, each kind only when it found something. */
export function SearchResultList({ results, statusNames, viewerId, t, locale, timeZone }: SearchResultsProps) {
  const s = t.search;
  return (
    <div className="space-y-6">
      <KindSection id="tickets" title={s.kinds.tickets} results={results.tickets} t={t} locale={locale}>
        {(item) => (
          <li key={item.ticketId} className="p-3">
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <Link href={`/tickets/${encodeURIComponent(item.ticketId)}`} className="font-medium text-slate-900 hover:underline">
                <Highlighted segments={item.title} />
              </Link>
              <PriorityBadge priority={item.priority} t={t} />
            </div>
            <p className="text-sm text-slate-600">
              <span className="font-mono text-xs">{item.ticketId}</span> · {statusNames[item.status] ?? item.status} · {item.machine}
            </p>
            {item.passage && (
              <p className="mt-1 text-sm text-slate-700">
                <span className="font-medium">{format(s.hit.where, { label: { description: s.hit.inDescription, comments: s.hit.inComments, voiceNotes: t.voice.inVoiceNote }[item.passage.source] })}</span>
                <Highlighted segments={item.passage.segments} />
              </p>
            )}
          </li>
        )}
      </KindSection>
      <KindSection id="machines" title={s.kinds.machines} results={results.machines} t={t} locale={locale}>
        {(item) => (
          <li key={item.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:gap-4">
            <div className="min-w-0 flex-1">
              <Link href={`/machines/${item.id}`} className="font-medium hover:underline">
                <Highlighted segments={item.name} />
              </Link>
              <p className="text-sm text-slate-600">
                {item.serialNumber.length > 0 && (
                  <span>
                    {s.hit.serial} <Highlighted segments={item.serialNumber} />
                  </span>
                )}
                {item.serialNumber.length > 0 && item.location.length > 0 && " · "}
                {item.location.length > 0 && <Highlighted segments={item.location} />}
              </p>
            </div>
            <MachineStatusBadge status={item.status} t={t} />
          </li>
        )}
      </KindSection>
      <KindSection id="people" title={s.kinds.people} results={results.people} t={t} locale={locale}>
        {(item) => (
          <li key={item.id} className="flex items-center justify-between gap-3 p-3">
            <div>
              <p className="font-medium">
                <Highlighted segments={item.name} />
              </p>
              <p className="text-sm text-slate-600">{t.roles[item.role as Role] ?? item.role}</p>
            </div>
            {item.id !== viewerId && (
              <Link href={`/messages/${privateKey(viewerId, item.id)}`} className="btn-secondary min-h-10 text-sm">
                {s.hit.write}
              </Link>
            )}
          </li>
        )}
      </KindSection>
      <KindSection id="messages" title={s.kinds.messages} results={results.messages} t={t} locale={locale}>
        {(item) => (
          <li key={item.id} className="p-3">
            <Link href={`/messages/${item.conversationKey}`} className="font-medium hover:underline">
              {item.groupName !== null
                ? format(s.hit.inGroup, { name: item.groupName })
                : item.otherName === null
                  ? s.hit.team
                  : format(s.hit.withPerson, { name: item.otherName })}
            </Link>
            <p className="text-sm text-slate-600">
              {item.senderName} · <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt, locale, timeZone)}</time>
            </p>
            <p className="mt-1 text-sm text-slate-800">
              {item.inVoiceNote && <span className="font-medium">{format(s.hit.where, { label: t.voice.inVoiceNote })}</span>}
              <Highlighted segments={item.passage} />
            </p>
          </li>
        )}
      </KindSection>
    </div>
  );
}

interface KindSectionProps<T> {
  id: string;
  title: string;
  results: KindResults<T>;
  t: Messages;
  locale: Locale;
  children: (item: T) => React.ReactNode;
}

function KindSection<T>({ id, title, results, t, locale, children }: KindSectionProps<T>) {
  if (results.items.length === 0) return null;
  const headingId = `results-${id}`;
  return (
    <section aria-labelledby={headingId} data-testid={`results-${id}`}>
      <h2 id={headingId} className="mb-2 flex items-baseline gap-2 text-lg font-semibold">
        {title}
        <span className="text-sm font-normal text-slate-600">
          {results.more ? `${results.items.length}+` : format(t.search.page.summary, { count: results.items.length }, locale)}
        </span>
      </h2>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">{results.items.map(children)}</ul>
      {results.more && <p className="mt-1 text-sm text-slate-600">{t.search.page.more}</p>}
    </section>
  );
}
