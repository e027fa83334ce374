import type { Metadata } from "next";
import Link from "next/link";
import { LabelControls } from "@/components/machines/label-controls";
import { LabelSheets } from "@/components/machines/label-sheets";
import { getDb } from "@/lib/db/client";
import { labelOrigin, listLabelMachines } from "@/lib/machines/label-sheet";
import { parseLabelLayout, parseMachineIds } from "@/lib/machines/labels";
import { getMessages, getRequestSettings, requirePermission } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.labels.title };
}

export default async function MachineLabelsPage({ searchParams }: PageProps<"/machines/labels">) {
  await requirePermission("machine.manage");
  const db = await getDb();
  const [{ t, locale }, { machine, layout: layoutParam }, settings, origin] = await Promise.all([getMessages(), searchParams, getRequestSettings(), labelOrigin(db)]);
  const layout = parseLabelLayout(layoutParam);
  const labels = await listLabelMachines(db, parseMachineIds(machine), origin);
  if (labels.length === 0) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold">{t.labels.title}</h1>
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          {t.labels.noMachines}
        </p>
        <Link href="/machines" className="btn-secondary">
          {t.labels.backToList}
        </Link>
      </div>
    );
  }
  const company = { name: settings.companyName, logoSrc: settings.logoKey ? `/logo?v=${encodeURIComponent(settings.logoKey)}` : undefined };
  return (
    <div className="space-y-4">
      <LabelControls labels={labels} layout={layout} company={company} t={t} locale={locale} />
      <LabelSheets labels={labels} layout={layout} company={company} t={t} />
    </div>
  );
}
