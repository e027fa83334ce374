import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Definitions } from "@/components/stats/definitions";
import { FiguresTable } from "@/components/stats/figures-table";
import { PeriodForm } from "@/components/stats/period-form";
import { PlantSummary } from "@/components/stats/plant-summary";
import { ReliabilityCharts } from "@/components/stats/reliability-charts";
import { TechniciansTable } from "@/components/stats/technicians-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { formatDay } from "@/lib/format";
import { format } from "@/lib/i18n";
import { parsePeriod, periodQuery } from "@/lib/reliability/period";
import { loadReliability } from "@/lib/reliability/queries";
import { getMessages, getRequestSettings, requirePermission } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.stats.title };
}

/** Reliability figures for leads (a 404 for anyone else, as the admin pages do). */
export default async function StatsPage({ searchParams }: PageProps<"/stats">) {
  const user = await requirePermission("stats.view");
  const [{ t, locale }, settings] = await Promise.all([getMessages(), getRequestSettings()]);
  const now = new Date();
  const state = parsePeriod(await searchParams, now, settings.timeZone);
  const report = await loadReliability(await getDb(), user, state, now);
  if (!report) notFound();
  const s = t.stats;
  const query = periodQuery(state);
  return (
    <div className="space-y-6">
      <PageHeader title={s.title} intro={s.intro} />
      <PeriodForm state={state} t={s.period} />
      <p className="font-medium" data-testid="stats-period">
        {format(s.period.showing, { from: formatDay(state.fromDay, locale), to: formatDay(state.toDay, locale) })}
      </p>
      <PlantSummary report={report} locale={locale} t={s} />
      <ReliabilityCharts machines={report.machines} locale={locale} t={s} />
      <FiguresTable report={report} locale={locale} t={s} />
      <TechniciansTable technicians={report.technicians} locale={locale} t={s} />
      <div className="flex flex-wrap gap-2">
        <a href={`/stats/export?${query}`} className="btn-secondary" download>{s.csv.machines}</a>
        <a href={`/stats/export?${query}&table=technicians`} className="btn-secondary" download>{s.csv.technicians}</a>
      </div>
      <Definitions t={s.definitions} />
    </div>
  );
}
