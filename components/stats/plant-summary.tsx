import { format, type Locale, type Messages } from "@/lib/i18n";
import type { ReliabilityReport } from "@/lib/reliability/queries";
import { formatNumber } from "@/lib/reliability/table";

interface PlantSummaryProps {
  report: ReliabilityReport;
  locale: Locale;
  t: Messages["stats"];
}

const HOUR = 3_600_000;

/**
 * The plant's four headline figures, each with its value as the table writes it, and
 * what the plant's MTBF adds up: every machine's running hours, so more than the period has.
 */
export function PlantSummary({ report: { plant, machines, period }, locale, t }: PlantSummaryProps) {
  const c = t.cards;
  const value = (n: number | null, template: string) => (n === null ? t.none : format(template, { value: formatNumber(n, locale) }));
  const cards = [
    ["mttr", c.mttr, value(plant.mttrHours, c.hours)],
    ["mtbf", c.mtbf, value(plant.mtbfHours, c.hours)],
    ["availability", c.availability, value(plant.availability, c.percent)],
    ["downtime", c.downtime, value(plant.downtimeHours, c.hours)],
  ] as const;
  return (
    <section aria-labelledby="plant-title">
      <h2 id="plant-title" className="text-lg font-semibold">{t.plant.title}</h2>
      <dl className="mt-2 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {cards.map(([key, label, text]) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`plant-${key}`}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{text}</dd>
          </div>
        ))}
      </dl>
      {plant.mtbfHours !== null && (
        <p className="mt-2 text-sm text-slate-600" data-testid="plant-mtbf-note">
          {format(
            c.mtbfNote,
            {
              hours: formatNumber(plant.observedHours - plant.downtimeHours, locale, 0),
              machines: machines.length,
              failures: plant.failures,
              period: formatNumber((period.to.getTime() - period.from.getTime()) / HOUR, locale, 0),
            },
            locale,
          )}
        </p>
      )}
    </section>
  );
}
