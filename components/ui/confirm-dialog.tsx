"use client";

import { useEffect, useRef, useState } from "react";
import { useSubmitState } from "./form";

interface ConfirmDialogProps {
  open: boolean;
  /** Called when the dialog closes by itself too (Escape, Cancel). */
  onClose: () => void;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  /** A red confirm button, for what cannot be undone. */
  danger?: boolean;
  /** Runs the action; the dialog stays open until the caller closes it. Without it, confirming submits the form the dialog sits in. */
  onConfirm?: () => void;
  pending?: boolean;
  pendingLabel?: string;
  /** Sent with the form by the confirm button, to tell several submit buttons apart. */
  submitName?: string;
  submitValue?: string;
  /** Said under the question: a refusal, while the dialog is open. */
  children?: React.ReactNode;
}

/**
 * A question in a native modal dialog: the page behind is inert, focus starts on
 * Cancel, Escape closes it, and focus goes back to the button that opened it.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onClose, question, confirmLabel, cancelLabel, danger, onConfirm, pending, pendingLabel, submitName, submitValue, children } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element || open === element.open) return;
    if (open) {
      opener.current = document.activeElement;
      element.showModal();
    } else element.close();
  }, [open]);

  function closed() {
    onClose();
    // Browsers differ in restoring focus; a keyboard user must land where they were.
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }

  return (
    <dialog ref={dialog} onClose={closed} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40">
      <p className="text-slate-900">{question}</p>
      {children && <div className="mt-3">{children}</div>}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onClose} autoFocus>
          {cancelLabel}
        </button>
        <button
          type={onConfirm ? "button" : "submit"}
          name={onConfirm ? undefined : submitName}
          value={onConfirm ? undefined : submitValue}
          className={danger ? "btn-danger" : "btn-primary"}
          aria-disabled={pending}
          onClick={() => (onConfirm ? !pending && onConfirm() : onClose())}
        >
          {pending && pendingLabel ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

interface ConfirmButtonProps {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  name?: string;
  value?: string;
}

/** A submit button that asks first. It sits inside the ActionForm it submits. */
export function ConfirmButton({ children, pendingLabel, className = "btn-primary", name, value, ...question }: ConfirmButtonProps) {
  const { pending, working } = useSubmitState(name, value);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} aria-disabled={pending} onClick={() => !pending && setOpen(true)}>
        {working ? pendingLabel : children}
      </button>
      <ConfirmDialog {...question} open={open} onClose={() => setOpen(false)} submitName={name} submitValue={value} />
    </>
  );
}
