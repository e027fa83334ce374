"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { errorAttributes, useActionFormState } from "@/components/ui/form";
import { nameKey } from "@/lib/accounts/names";
import { format, type PluralTemplate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n";

export interface PickablePerson {
  id: number;
  name: string;
  /** Said under the name: the role, or a guest's "Invité · company". */
  detail: string;
}

interface MemberPickerProps {
  /** The form field: one value per person ticked. */
  name: string;
  people: PickablePerson[];
  locale: Locale;
  labels: { legend: string; search: string; noMatch: string; chosen: PluralTemplate; noneChosen: string; nobody: string };
}

/**
 * People to tick, for gloved fingers: a search box that narrows the list as one
 * types (case, accents and extra spaces do not matter), and rows a whole finger
 * tall, the row itself the target. A person the search hides stays ticked and is
 * sent with the form; the count of people chosen is said as it changes.
 */
export function MemberPicker({ name, people, locale, labels }: MemberPickerProps) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<ReadonlySet<number>>(() => new Set());
  const search = useRef<HTMLInputElement>(null);
  const { fieldErrors, formError } = useActionFormState();
  const error = fieldErrors[name];
  const wanted = nameKey(query);
  const shown = people.filter((person) => !wanted || nameKey(`${person.name} ${person.detail}`).includes(wanted));
  // Someone added meanwhile leaves the list (the page renders again): they are no longer counted.
  const count = people.filter((person) => chosen.has(person.id)).length;

  // A form reset after a success (people added) unticks everyone and clears the search.
  useEffect(() => {
    const form = search.current?.form;
    const clear = () => {
      setChosen(new Set());
      setQuery("");
    };
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, []);

  function toggle(personId: number, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });
  }

  if (!people.length) return <p className="text-slate-600">{labels.nobody}</p>;
  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}>
      <legend className="text-sm font-medium text-slate-800">{labels.legend}</legend>
      <div className="relative">
        <Icon name="search" className="pointer-events-none absolute top-1/2 left-3 h-5 w-5 -translate-y-1/2 text-slate-500" />
        <label htmlFor={`${id}-search`} className="sr-only">
          {labels.search}
        </label>
        <input
          ref={search}
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          // Enter in the search must not send the form half chosen.
          onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
          placeholder={labels.search}
          autoComplete="off"
          enterKeyHint="search"
          className="field min-h-12 pl-10"
        />
      </div>
      <p id={`${id}-count`} aria-live="polite" className="text-sm text-slate-700">
        {count ? format(labels.chosen, { count }, locale) : labels.noneChosen}
      </p>
      <ul className="max-h-[55dvh] divide-y divide-slate-200 overflow-y-auto rounded-lg border border-slate-200 bg-white" data-testid="member-picker">
        {people.map((person) => (
          <li key={person.id} hidden={!shown.includes(person)}>
            <label className="flex min-h-14 cursor-pointer items-center gap-3 px-3 py-2 has-checked:bg-amber-50 hover:bg-slate-50">
              <input
                type="checkbox"
                name={name}
                value={person.id}
                checked={chosen.has(person.id)}
                onChange={(event) => toggle(person.id, event.target.checked)}
                className="h-6 w-6 shrink-0 accent-amber-700"
              />
              <span className="min-w-0">
                <span className="block font-medium break-words">{person.name}</span>
                <span className="block text-sm text-slate-600">{person.detail}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="text-sm text-slate-600">{format(labels.noMatch, { query: query.trim() })}</p>}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700" {...errorAttributes(error, formError)}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
