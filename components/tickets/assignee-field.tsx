"use client";

import { useRef } from "react";
import { usePresence } from "@/components/messages/live-provider";
import { SelectField } from "@/components/ui/fields";
import { format } from "@/lib/i18n/format";

interface AssigneeFieldProps {
  name: string;
  label: string;
  defaultValue: string;
  /** Nobody, the whole team, then each person: the select's choices. */
  options: { value: string; label: string }[];
  /** The people among them, by id: those online show under the list. */
  people: { id: number; name: string }[];
  words: { onlineNow: string; chooseOnline: string };
}

/**
 * "Assigner à": the plant's list as a native select (a phone's own picker, big
 * enough for gloves), and under it, live, the people who have Atelier open now,
 * each with the green dot: one tap chooses them.
 */
export function AssigneeField({ name, label, defaultValue, options, people, words }: AssigneeFieldProps) {
  const present = usePresence();
  const select = useRef<HTMLSelectElement>(null);
  const here = people.filter((person) => present.has(person.id));
  return (
    <div className="space-y-2">
      <SelectField ref={select} name={name} label={label} defaultValue={defaultValue} options={options} />
      {here.length > 0 && (
        <div className="flex flex-wrap items-center gap-2" data-testid="assignees-online">
          <span className="text-sm text-slate-700">{words.onlineNow}</span>
          {here.map((person) => (
            <button
              key={person.id}
              type="button"
              className="inline-flex min-h-11 items-center gap-1.5 rounded-full border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
              aria-label={format(words.chooseOnline, { name: person.name })}
              onClick={() => {
                if (select.current) select.current.value = String(person.id);
                select.current?.focus();
              }}
            >
              <svg aria-hidden="true" viewBox="0 0 10 10" className="h-2.5 w-2.5 shrink-0">
                <circle cx="5" cy="5" r="5" className="fill-green-600 forced-colors:fill-[CanvasText]" />
              </svg>
              {person.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
