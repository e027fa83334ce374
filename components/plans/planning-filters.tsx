import type { Messages } from "@/lib/i18n";
import type { PlanningFilters as PlanningFilterValues } from "@/lib/plans/queries";
import { TEAM_CHOICE } from "@/lib/tickets/model";

interface PlanningFiltersProps {
  machines: { id: number; label: string }[];
  people: { id: number; name: string }[];
  machine?: number;
  assignee?: PlanningFilterValues["assignee"];
  t: Messages;
}

/** A plain GET form: the filtered planning is a link one can share. */
export function PlanningFilters({ machines, people, machine, assignee, t }: PlanningFiltersProps) {
  const p = t.plans.planning;
  return (
    <form method="get" action="/planning" className="flex flex-wrap items-end gap-3" aria-label={p.filter}>
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="planning-machine" className="block text-sm font-medium text-slate-800">{p.machine}</label>
        <select id="planning-machine" name="machine" defaultValue={machine ?? ""} className="field">
          <option value="">{p.allMachines}</option>
          {machines.map((m) => (
            <option key={m.id} value={m.id}>{m.label}</option>
          ))}
        </select>
      </div>
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="planning-assignee" className="block text-sm font-medium text-slate-800">{p.assignee}</label>
        <select id="planning-assignee" name="assignee" defaultValue={assignee ?? ""} className="field">
          <option value="">{p.everyone}</option>
          <option value={TEAM_CHOICE}>{p.team}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>{person.name}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">{p.filter}</button>
    </form>
  );
}
