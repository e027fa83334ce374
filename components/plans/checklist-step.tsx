"use client";

import { useOptimistic, useState, useTransition } from "react";
import { checkChecklistStepAction } from "@/app/(app)/tickets/actions";
import { ActionResultMessage, runAction } from "@/components/ui/action-result";
import type { ActionResult } from "@/lib/operation";

interface ChecklistStepProps {
  id: number;
  label: string;
  done: boolean;
  /** "Cochée par Julie le …", said under the step once ticked. */
  doneBy: string | null;
  /** Technicians and leads tick; others read. */
  canCheck: boolean;
}

/** One step: a real checkbox, ticked at once and saved; a refusal puts it back and says why. */
export function ChecklistStep({ id, label, done, doneBy, canCheck }: ChecklistStepProps) {
  const [checked, setChecked] = useOptimistic(done);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const inputId = `step-${id}`;

  function toggle(next: boolean) {
    if (pending) return;
    setResult(null);
    startTransition(async () => {
      setChecked(next);
      const outcome = await runAction(() => checkChecklistStepAction({ id, done: next ? "1" : "0" }));
      if (!outcome.ok) setResult(outcome);
    });
  }

  return (
    <li className="space-y-1">
      <div className="flex items-start gap-3">
        <input
          id={inputId}
          type="checkbox"
          className="mt-1 h-5 w-5 shrink-0 accent-slate-900"
          checked={checked}
          disabled={!canCheck}
          aria-busy={pending}
          aria-describedby={doneBy ? `${inputId}-by` : undefined}
          onChange={(event) => toggle(event.currentTarget.checked)}
        />
        <label htmlFor={inputId} className={`break-words ${checked ? "text-slate-500 line-through" : ""}`}>
          {label}
        </label>
      </div>
      {doneBy && (
        <p id={`${inputId}-by`} className="pl-8 text-xs text-slate-600">
          {doneBy}
        </p>
      )}
      <ActionResultMessage result={result} />
    </li>
  );
}
