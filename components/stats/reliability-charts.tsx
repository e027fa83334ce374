import { format, type Locale, type Messages } from "@/lib/i18n";
import type { MachineFigures } from "@/lib/reliability/figures";
import { formatNumber } from "@/lib/reliability/table";
import { EmptyState } from "@/components/ui/empty-state";
import { BarChart } from "./bar-chart";

/** How many machines the charts draw: the most stopped ones; the table lists them all. */
export const CHART_MACHINES = 12;

interface ReliabilityChartsProps {
  machines: MachineFigures[];
  locale: Locale;
  t: Messages["stats"];
}

export function ReliabilityCharts({ machines, locale, t }: ReliabilityChartsProps) {
  // Sorted by downtime already (queries.ts): the most stopped first.
  const stopped = machines.filter((m) => m.downtimeHours > 0).slice(0, CHART_MACHINES);
  if (!stopped.length) return <EmptyState>{t.charts.noDowntime}</EmptyState>;
  const note = format(t.charts.top, { count: stopped.length }, locale);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <BarChart
        title={t.charts.downtime}
        note={note}
        max={Math.max(...stopped.map((m) => m.downtimeHours))}
        bars={stopped.map((m) => ({ label: m.label, value: m.downtimeHours, text: formatNumber(m.downtimeHours, locale) }))}
      />
      <BarChart
        title={t.charts.availability}
        note={note}
        max={100}
        color="#0f766e"
        bars={stopped.map((m) => ({ label: m.label, value: m.availability ?? 0, text: formatNumber(m.availability, locale) || t.none }))}
      />
    </div>
  );
}
