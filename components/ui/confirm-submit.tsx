"use client";

import { useRef } from "react";

interface ConfirmSubmitProps {
  children: React.ReactNode;
  /** The question the dialog asks before the form is submitted. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel: string;
  pending: boolean;
  className?: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  /** Sent with the form by the confirm button, to tell apart several submit buttons. */
  submitName?: string;
  submitValue?: string;
}

/**
 * A submit button that asks first, in a native modal <dialog> (focus trap,
 * Escape to cancel). It must sit inside the form it submits.
 */
export function ConfirmSubmit(props: ConfirmSubmitProps) {
  const { children, question, confirmLabel, cancelLabel, pendingLabel, pending, className, danger, submitName, submitValue } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={pending} onClick={() => dialog.current?.showModal()}>
        {pending ? pendingLabel : children}
      </button>
      <dialog
        ref={dialog}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40"
      >
        <p className="text-slate-900">{question}</p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </button>
          <button
            type="submit"
            name={submitName}
            value={submitValue}
            className={danger ? "btn-danger" : "btn-primary"}
            onClick={() => dialog.current?.close()}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
