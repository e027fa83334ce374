import { formatCalendarDay, formatDay } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import type { Planning } from "@/lib/plans/queries";
import { PlannedItem } from "./planned-item";

interface PlanningViewProps {
  planning: Planning;
  assigneeOf: (assignedTo: number) => string;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

function byDayOf(planning: Planning) {
  const out = new Map<string, Planning["items"]>();
  for (const item of planning.items) out.set(item.day, [...(out.get(item.day) ?? []), item]);
  return out;
}

/** Wide screens: 8 weeks as a month-like grid, Monday first. */
export function PlanningCalendar({ planning, assigneeOf, locale, timeZone, t }: PlanningViewProps) {
  const weeks = Array.from({ length: planning.days.length / 7 }, (_, w) => planning.days.slice(w * 7, w * 7 + 7));
  const byDay = byDayOf(planning);
  return (
    <table className="w-full table-fixed border-collapse text-left" data-testid="planning-calendar">
      <caption className="sr-only">{t.plans.planning.title}</caption>
      <thead>
        <tr>
          {weeks[0]!.map((day) => (
            <th key={day} scope="col" className="px-1 pb-1 text-xs font-semibold text-slate-600 uppercase">{formatCalendarDay(day, locale, "weekday")}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => (
              <td
                key={day}
                className={`h-24 border border-slate-200 p-1 align-top ${day === planning.today ? "bg-amber-50" : day < planning.today ? "bg-slate-50" : "bg-white"}`}
                aria-current={day === planning.today ? "date" : undefined}
              >
                <p className="text-xs text-slate-600">
                  <span aria-hidden="true">{formatCalendarDay(day, locale, "dayMonth")}</span>
                  <span className="sr-only">{formatDay(day, locale)}</span>
                </p>
                <ul className="mt-1 space-y-1">
                  {(byDay.get(day) ?? []).map((item) => (
                    <li key={item.key}>
                      <PlannedItem item={item} assignee={assigneeOf(item.assignedTo)} locale={locale} timeZone={timeZone} t={t} compact />
                    </li>
                  ))}
                </ul>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Phones: the days that have work, as a list under their dates. */
export function PlanningList({ planning, assigneeOf, locale, timeZone, t }: PlanningViewProps) {
  const byDay = byDayOf(planning);
  return (
    <ol className="space-y-4" data-testid="planning-list">
      {planning.days.filter((day) => byDay.has(day)).map((day) => (
        <li key={day} className="space-y-2">
          <h2 className="font-semibold first-letter:uppercase">
            {formatDay(day, locale)}
            {day === planning.today && <span className="ml-2 text-sm font-normal text-amber-800">{t.plans.planning.today}</span>}
          </h2>
          <ul className="space-y-2">
            {byDay.get(day)!.map((item) => (
              <li key={item.key}>
                <PlannedItem item={item} assignee={assigneeOf(item.assignedTo)} locale={locale} timeZone={timeZone} t={t} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
