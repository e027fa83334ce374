import type { Messages } from "@/lib/i18n";
import type { PeriodChoiceState } from "@/lib/reliability/period";

interface PeriodFormProps {
  state: PeriodChoiceState;
  t: Messages["stats"]["period"];
}

/** A plain GET form: the period is in the URL, so a page of figures can be linked and works without JavaScript. */
export function PeriodForm({ state, t }: PeriodFormProps) {
  const choices = [
    ["30", t.last30],
    ["90", t.last90],
    ["custom", t.custom],
  ] as const;
  return (
    <form method="get" action="/stats" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={t.legend}>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t.legend}</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {choices.map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="period" value={value} defaultChecked={state.choice === value} className="h-5 w-5" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-[repeat(2,minmax(0,14rem))_auto] sm:items-end">
        <label className="block space-y-1">
          <span className="block text-sm font-medium text-slate-800">{t.from}</span>
          <input type="date" name="from" defaultValue={state.fromDay} min="2000-01-01" className="field" />
        </label>
        <label className="block space-y-1">
          <span className="block text-sm font-medium text-slate-800">{t.to}</span>
          <input type="date" name="to" defaultValue={state.toDay} min="2000-01-01" className="field" />
        </label>
        <button type="submit" className="btn-primary">{t.apply}</button>
      </div>
      {state.problem && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {t[state.problem]}
        </p>
      )}
    </form>
  );
}
