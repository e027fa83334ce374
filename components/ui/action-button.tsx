"use client";

import { useRef, useState, useTransition } from "react";

type Result = { ok: true; data: unknown } | { ok: false; error: string };

interface ActionButtonProps {
  action: () => Promise<Result>;
  label: string;
  pendingLabel: string;
  /** Asked in a modal dialog first: for anything destructive or hard to undo. */
  confirm?: { message: string; confirmLabel: string; cancelLabel: string };
  variant?: "primary" | "secondary";
  /** Shown on success when the action returns no message of its own. */
  successMessage?: string;
}

/** A button that runs a server action and says what happened, next to itself. */
export function ActionButton({ action, label, pendingLabel, confirm, variant = "secondary", successMessage }: ActionButtonProps) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const run = () =>
    startTransition(async () => {
      const outcome = await action();
      setResult(
        outcome.ok
          ? { ok: true, message: typeof outcome.data === "string" ? outcome.data : (successMessage ?? "") }
          : { ok: false, message: outcome.error },
      );
    });

  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => (confirm ? dialog.current?.showModal() : run())}
        className={variant === "primary" ? "btn-primary" : "btn-secondary"}
      >
        {pending ? pendingLabel : label}
      </button>
      {result?.message && (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"}>
          {result.message}
        </p>
      )}
      {confirm && (
        <dialog ref={dialog} className="m-auto max-w-sm rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
          <form method="dialog" className="space-y-4 p-5">
            <p className="text-slate-800">{confirm.message}</p>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <button type="submit" value="cancel" className="btn-secondary" autoFocus>
                {confirm.cancelLabel}
              </button>
              <button type="submit" value="confirm" className="btn-primary" onClick={run}>
                {confirm.confirmLabel}
              </button>
            </div>
          </form>
        </dialog>
      )}
    </div>
  );
}
