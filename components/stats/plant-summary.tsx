import { format, type Locale, type Messages } from "@/lib/i18n";
import type { Figures } from "@/lib/reliability/figures";
import { formatNumber } from "@/lib/reliability/table";

interface PlantSummaryProps {
  plant: Figures;
  locale: Locale;
  t: Messages["stats"];
}

/** The plant's four headline figures, each with its value as the table writes it. */
export function PlantSummary({ plant, locale, t }: PlantSummaryProps) {
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
    </section>
  );
}
