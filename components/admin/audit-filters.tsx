import Link from "next/link";
import { SelectField, TextField } from "@/components/ui/fields";
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
      <SelectField
        id="action"
        name="action"
        label={a.action}
        defaultValue={filters.action ?? ""}
        placeholder={a.allActions}
        options={actions.map((action) => ({ value: action, label: actionLabel(action, t) }))}
      />
      <SelectField
        id="actor"
        name="actor"
        label={a.actor}
        defaultValue={filters.actor ?? ""}
        placeholder={a.allActors}
        options={actors.map((actor) => ({ value: String(actor.id), label: actor.name }))}
      />
      <TextField id="from" name="from" type="date" label={a.from} defaultValue={filters.from} />
      <TextField id="to" name="to" type="date" label={a.to} defaultValue={filters.to} />
      <div className="flex gap-2">
        <button type="submit" className="btn-primary">{a.filter}</button>
        {active && <Link href="/admin/audit" className="btn-ghost">{a.clear}</Link>}
      </div>
    </form>
  );
}
