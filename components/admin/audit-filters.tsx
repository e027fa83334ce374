import Link from "next/link";
import type { AuditFilters as Filters } from "@/lib/audit";
import type { Messages } from "@/lib/i18n";
import { actionLabel } from "./audit-labels";

interface AuditFiltersProps {
  filters: Filters;
  actions: string[];
  actors: { id: number; name: string }[];
  t: Messages;
}

/** A GET form: the filtered view is a URL that can be bookmarked. */
export function AuditFilters({ filters, actions, actors, t }: AuditFiltersProps) {
  const a = t.admin.audit;
  const active = filters.action || filters.actor || filters.from || filters.to;
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto_auto] sm:items-end">
      <div className="space-y-1">
        <label htmlFor="action" className="block text-sm font-medium">{a.action}</label>
        <select id="action" name="action" defaultValue={filters.action ?? ""} className="field">
          <option value="">{a.allActions}</option>
          {actions.map((action) => (
            <option key={action} value={action}>{actionLabel(action, t)}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="actor" className="block text-sm font-medium">{a.actor}</label>
        <select id="actor" name="actor" defaultValue={filters.actor ?? ""} className="field">
          <option value="">{a.allActors}</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>{actor.name}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="from" className="block text-sm font-medium">{a.from}</label>
        <input id="from" name="from" type="date" defaultValue={filters.from} className="field" />
      </div>
      <div className="space-y-1">
        <label htmlFor="to" className="block text-sm font-medium">{a.to}</label>
        <input id="to" name="to" type="date" defaultValue={filters.to} className="field" />
      </div>
      <div className="flex gap-2">
        <button type="submit" className="btn-primary">{a.filter}</button>
        {active && <Link href="/admin/audit" className="btn-ghost">{a.clear}</Link>}
      </div>
    </form>
  );
}
