import Link from "next/link";
import { Icon } from "@/components/shell/icons";
import { SelectField, TextField } from "@/components/ui/fields";
import { Sheet } from "@/components/ui/sheet";
import { boardSearchParams, hasFilters, type BoardData, type BoardFilters as Filters } from "@/lib/tickets/board";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { TEAM_CHOICE, ticketPriorities } from "@/lib/tickets/model";
import { SORT_PARAM } from "@/lib/tickets/sort";
import { FilterPanel } from "./filter-panel";
import { SortLinks } from "./sort-links";

interface BoardFiltersProps {
  filters: Filters;
  machines: BoardData["machines"];
  people: BoardData["people"];
  locale: Locale;
  t: Messages;
}

/**
 * A plain GET form: the filters live in the URL, so a filtered board can be shared or
 * bookmarked. In the page on a wide screen (on its own line under the title: the
 * page's header is a wrapping row); on a phone, behind one button that says how many
 * are in use (a chosen order counts: it changes what the columns show first), in a
 * sheet with the archived tickets' link. The order's links under the form keep the filters.
 */
const query = (params: URLSearchParams) => (params.size ? `?${params}` : "");

export function BoardFilters({ filters, machines, people, locale, t }: BoardFiltersProps) {
  const f = t.tickets.filters;
  const archivedHref = `/tickets?${boardSearchParams({ ...filters, archived: !filters.archived })}`;
  const refined = [filters.priority, filters.assignee, filters.machine, filters.overdue, filters.mine].filter(Boolean).length;
  const inUse = refined + (filters.q ? 1 : 0) + (filters.archived ? 1 : 0) + (filters.sort !== "default" ? 1 : 0);
  const kept = (keep: Partial<Filters>) => `/tickets${query(boardSearchParams({ ...keep, sort: filters.sort }))}`;
  const label = (
    <>
      <Icon name="filter" className="h-5 w-5" />
      {/* Beside the title on a 360 px phone there is room for the icon and its count only; the word stays its name. */}
      <span className="max-sm:sr-only">{f.title}</span>
      {inUse > 0 && (
        <>
          <span aria-hidden className="absolute -top-1.5 -right-1.5 min-w-5 rounded-full bg-amber-700 px-1 text-center text-xs leading-5 font-semibold text-white tabular-nums">
            {inUse}
          </span>
          <span className="sr-only">({format(f.activeCount, { count: inUse }, locale)})</span>
        </>
      )}
    </>
  );
  return (
    <Sheet label={label} title={f.title} closeLabel={t.common.close} triggerClassName="btn-secondary relative min-w-11 gap-1.5 px-2.5" inlineWide="order-last basis-full">
      <form method="get" action="/tickets" role="search" aria-label={f.title} className="rounded-lg border border-slate-200 bg-white p-3">
      {filters.archived && <input type="hidden" name="archived" value="1" />}
      {filters.sort !== "default" && <input type="hidden" name={SORT_PARAM} value={filters.sort} />}
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <TextField id="filter-q" name="q" type="search" label={f.search} defaultValue={filters.q} placeholder={f.searchPlaceholder} />
        </div>
        <button type="submit" className="btn-primary">{f.apply}</button>
      </div>
      {/* Folded on phones' first screen so the board shows; opened whenever one of them is in use. */}
      <div className="mt-2 flex flex-wrap items-start gap-2">
        <FilterPanel initiallyOpen={refined > 0} summary={refined > 0 ? `${f.title} (${refined})` : f.title}>
          <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-3">
            <SelectField
              id="filter-priority"
              name="priority"
              label={f.priority}
              defaultValue={filters.priority ?? ""}
              placeholder={f.anyPriority}
              options={ticketPriorities.map((p) => ({ value: p, label: t.priority[p] }))}
            />
            <SelectField
              id="filter-assignee"
              name="assignee"
              label={f.assignee}
              defaultValue={filters.assignee ?? ""}
              placeholder={f.anyone}
              options={[
                { value: "me", label: f.me },
                { value: TEAM_CHOICE, label: f.team },
                { value: "none", label: f.nobody },
                ...people.map((p) => ({ value: String(p.id), label: p.name })),
              ]}
            />
            <SelectField
              id="filter-machine"
              name="machine"
              label={f.machine}
              defaultValue={filters.machine ?? ""}
              placeholder={f.anyMachine}
              options={machines.map((m) => ({ value: String(m.id), label: m.label }))}
            />
          </div>
          <div className="mt-2 flex flex-wrap gap-x-5">
            <label className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="h-5 w-5" />
              {f.overdue}
            </label>
            <label className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} className="h-5 w-5" />
              {f.mine}
            </label>
          </div>
        </FilterPanel>
        <div className="ml-auto flex flex-wrap justify-end gap-2">
          {hasFilters(filters) && (
            <Link href={kept({ archived: filters.archived })} className="btn-ghost">{f.clear}</Link>
          )}
          {/* A link to another view, not a toggle button: its words say which view it leads to (aria-pressed is for buttons). */}
          <Link href={archivedHref} className="btn-secondary">
            {filters.archived ? t.tickets.board.hideArchived : t.tickets.board.showArchived}
          </Link>
        </div>
      </div>
      </form>
      <SortLinks current={filters.sort} hrefFor={(sort) => `/tickets${query(boardSearchParams({ ...filters, sort }))}`} words={t.tickets.sort} className="mt-2 px-1 pb-1" />
    </Sheet>
  );
}
