import type { Metadata } from "next";
import { SearchForm } from "@/components/search/search-form";
import { SearchResultList } from "@/components/search/search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages, getRequestSettings, requireTicketReader } from "@/lib/request";
import { MAX_SEARCH_CHARS, parseSearch } from "@/lib/site-search/model";
import { searchEverything } from "@/lib/site-search/queries";
import { columnNames, loadColumns } from "@/lib/tickets/columns";

export async function generateMetadata({ searchParams }: PageProps<"/search">): Promise<Metadata> {
  const [{ t }, { q }] = await Promise.all([getMessages(), searchParams]);
  const { text } = parseSearch(q);
  return { title: text ? format(t.search.page.titleFor, { query: text }) : t.search.page.title };
}

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const user = await requireTicketReader();
  const [{ t, locale }, { q }, settings] = await Promise.all([getMessages(), searchParams, getRequestSettings()]);
  const search = parseSearch(q);
  const db = await getDb();
  const results = await searchEverything(db, user, search);
  const found = Object.values(results).some((kind) => kind.items.length > 0);
  // The tickets' statuses in the plant's words, read only when there are tickets to show.
  const statusNames = results.tickets.items.length ? columnNames(await loadColumns(db), locale, t) : {};
  const s = t.search.page;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{s.title}</h1>
      <SearchForm query={search.text} labels={{ field: s.field, submit: s.submit }} />
      {search.cut && <p className="text-sm text-amber-900">{format(s.cut, { count: MAX_SEARCH_CHARS })}</p>}
      {!search.match ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
          <h2 className="font-semibold">{s.emptyTitle}</h2>
          <p className="mt-1 text-slate-600">{s.emptyBody}</p>
        </div>
      ) : found ? (
        <SearchResultList results={results} statusNames={statusNames} viewerId={user.id} t={t} locale={locale} timeZone={settings.timeZone} />
      ) : (
        <EmptyState>
          {format(s.noResults, { query: search.text })} {s.noResultsHelp}
        </EmptyState>
      )}
    </div>
  );
}
