import type { Metadata } from "next";
import Link from "next/link";
import { ColumnForm } from "@/components/admin/column-form";
import { ColumnList } from "@/components/admin/column-list";
import { CardSection } from "@/components/ui/card-section";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages, requirePermission } from "@/lib/request";
import { listColumnsForAdmin, MAX_COLUMN_NAME } from "@/lib/tickets/column-admin";
import { columnColors, MAX_COLUMNS, stages } from "@/lib/tickets/columns";
import { addColumnAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.columns.title };
}

/** The plant's board columns, one of its settings: their order, names, colours and stages, and a new one. Admins only. */
export default async function ColumnsPage() {
  await requirePermission("column.manage");
  const [{ t, locale }, columns] = await Promise.all([getMessages(), listColumnsForAdmin(await getDb())]);
  const c = t.columns;
  const formLabels = {
    nameFr: c.nameFr,
    nameEn: c.nameEn,
    nameHelp: c.nameHelp,
    color: c.color,
    colors: c.colors,
    stageField: c.stageField,
    stages: c.stages,
    stageHelp: c.stageHelp,
    save: c.save,
    saving: c.saving,
    saved: c.saved,
    add: c.add,
    adding: c.adding,
    added: c.added,
    edit: c.edit,
    addHeading: c.addHeading,
  };
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/admin/settings" className="text-sm text-slate-700 underline">
        {c.back}
      </Link>
      <PageHeader title={c.title} intro={c.intro} />
      <CardSection id="columns" title={c.listHeading}>
        <ColumnList columns={columns} maxName={MAX_COLUMN_NAME} formLabels={formLabels} locale={locale} t={t} />
      </CardSection>
      <CardSection id="column-new" title={c.addHeading}>
        {columns.length >= MAX_COLUMNS ? (
          <p className="text-slate-700" data-testid="columns-full">
            {format(c.full, { max: MAX_COLUMNS })}
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{c.addHelp}</p>
            <ColumnForm action={addColumnAction} colors={columnColors} stages={stages} maxName={MAX_COLUMN_NAME} labels={formLabels} />
          </>
        )}
      </CardSection>
    </div>
  );
}
