import type { Locale, Messages } from "@/lib/i18n";
import type { TechnicianFigures } from "@/lib/reliability/figures";
import { technicianCells } from "@/lib/reliability/table";
import { EmptyState } from "@/components/ui/empty-state";

interface TechniciansTableProps {
  technicians: TechnicianFigures[];
  locale: Locale;
  t: Messages["stats"];
}

export function TechniciansTable({ technicians, locale, t }: TechniciansTableProps) {
  const w = t.technicians;
  return (
    <section aria-labelledby="technicians-title" className="space-y-2">
      <h2 id="technicians-title" className="text-lg font-semibold">{w.title}</h2>
      {technicians.length ? (
        <div tabIndex={0} role="region" aria-label={w.title} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-700">
          <table className="w-full text-sm" data-testid="technicians-table">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">{w.name}</th>
                <th scope="col" className="px-3 py-2 text-right">{w.closed}</th>
                <th scope="col" className="px-3 py-2 text-right">{w.median}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {technicians.map((p) => {
                const cells = technicianCells(p, locale);
                return (
                  <tr key={p.actorId}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">{p.name}</th>
                    <td className="px-3 py-2 text-right tabular-nums">{cells.closed}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{cells.median || t.none}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{w.empty}</EmptyState>
      )}
    </section>
  );
}
