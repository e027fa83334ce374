"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/operation";
import { ActionResultMessage, runAction, type SuccessMessage } from "./action-result";
import { ConfirmDialog } from "./confirm-dialog";
import { useFeedbackTurn } from "./form";

interface ActionButtonProps<T> {
  /** A server action with its input bound (`deleteTicketAction.bind(null, { id })`), or a client function calling one. */
  action: () => Promise<ActionResult<T>>;
  label: string;
  /** Said by the button while the action runs; without it the label stays. */
  pendingLabel?: string;
  /** Asked in a modal dialog first: for anything destructive or hard to undo. */
  confirm?: { question: string; confirmLabel: string; cancelLabel: string; danger?: boolean };
  successMessage?: SuccessMessage<T>;
  onSuccess?: (data: T) => void;
  className?: string;
  /** A fuller name for screen readers, starting with the visible label ("Supprimer « p2.png »"). */
  "aria-label"?: string;
}

/**
 * A button that runs a server action and says what happened next to itself. A
 * refusal after a confirmation is said in the dialog, which stays open.
 */
export function ActionButton<T>(props: ActionButtonProps<T>) {
  const { action, label, pendingLabel, confirm, successMessage, onSuccess, className = "btn-secondary", "aria-label": ariaLabel } = props;
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [asking, setAsking] = useState(false);
  const turn = useFeedbackTurn();

  function run() {
    if (pending) return;
    setResult(null);
    turn.started();
    startTransition(async () => {
      const next = await runAction(action);
      setResult(next);
      if (next.ok) {
        setAsking(false);
        onSuccess?.(next.data);
      }
    });
  }

  function press() {
    if (pending) return;
    if (!confirm) return run();
    setResult(null);
    setAsking(true);
  }

  // A refusal read in the dialog is not repeated beside the button once the dialog is dismissed.
  const dismiss = () => {
    setAsking(false);
    setResult((last) => (last?.ok ? last : null));
  };

  return (
    <div className="space-y-2">
      <button type="button" className={className} aria-disabled={pending} aria-label={ariaLabel} onClick={press}>
        {pending && pendingLabel ? pendingLabel : label}
      </button>
      {!asking && <ActionResultMessage result={turn.current ? result : null} successMessage={successMessage} />}
      {confirm && (
        <ConfirmDialog {...confirm} open={asking} onClose={dismiss} onConfirm={run} pending={pending} pendingLabel={pendingLabel}>
          {result && !result.ok && <ActionResultMessage result={result} />}
        </ConfirmDialog>
      )}
    </div>
  );
}
