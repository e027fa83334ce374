"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/operation";

interface ConfirmActionProps {
  action: (input: Record<string, string | number>) => Promise<ActionResult<unknown>>;
  input: Record<string, string | number>;
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  className?: string;
}

/** A destructive button that asks first, in a modal dialog that traps focus and closes on Escape. */
export function ConfirmAction({ action, input, label, question, confirmLabel, cancelLabel, className }: ConfirmActionProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) dialog.current?.close();
      else setError(result.error);
    });
  }

  return (
    <>
      <button type="button" className={className ?? "btn-secondary text-red-700"} onClick={() => (setError(null), dialog.current?.showModal())}>
        {label}
      </button>
      <dialog ref={dialog} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-5 shadow-xl backdrop:bg-slate-900/50">
        <p className="font-medium">{question}</p>
        {error && (
          <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()} autoFocus>
            {cancelLabel}
          </button>
          <button type="button" className="btn-primary bg-red-700 hover:bg-red-600" onClick={confirm} disabled={pending}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
