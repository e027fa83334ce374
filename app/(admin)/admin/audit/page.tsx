import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditList } from "@/components/admin/audit-list";
import { Pagination } from "@/components/ui/pagination";
import { auditFilters, listAuditEntries, listAuditFilterOptions } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/request";
import { getRequestSettings } from "@/lib/request";
import { requirePermission } from "@/lib/request";
import { columnNames, loadColumns } from "@/lib/tickets/columns";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.audit.title };
}

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const actor = await requirePermission("audit.view");
  const filters = auditFilters.parse(await searchParams);
  const db = await getDb();
  const [{ t, locale }, settings, options, columns] = await Promise.all([getMessages(), getRequestSettings(), listAuditFilterOptions(db, actor), loadColumns(db)]);
  const { rows, total, page, pages } = await listAuditEntries(db, actor, filters, settings.timeZone);
  const a = t.admin.audit;
  const href = (p: number) => {
    const query = new URLSearchParams();
    for (const key of ["action", "actor", "from", "to"] as const) if (filters[key]) query.set(key, String(filters[key]));
    query.set("page", String(p));
    return `/admin/audit?${query}`;
  };
  return (
    <div className="space-y-6">
      <PageHeader title={a.title} intro={a.intro} />
      <AuditFilters filters={filters} actions={options.actions} actors={options.actors} t={t} />
      <p className="text-sm text-slate-600">{format(a.count, { count: total }, locale)}</p>
      <AuditList rows={rows} t={t} locale={locale} timeZone={settings.timeZone} columns={columnNames(columns, locale, t)} />
      <Pagination
        page={page}
        pages={pages}
        href={href}
        labels={{ page: format(a.page, { page, pages }), previous: a.previous, next: a.next, nav: a.pagination }}
      />
    </div>
  );
}
