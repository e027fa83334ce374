"use client";

import { useId, useRef } from "react";

interface SheetProps {
  /** The button that opens it. */
  label: string;
  title: string;
  closeLabel: string;
  triggerClassName?: string;
  children: React.ReactNode;
}

/**
 * A group of controls behind one button: a sheet from the bottom of a phone, a
 * centred dialog on a wide screen. A native modal dialog: the page behind is
 * inert (focus stays inside), Escape closes it, and focus goes back to the button.
 * Kept in the page while closed, so its forms keep what they last said.
 */
export function Sheet({ label, title, closeLabel, triggerClassName = "btn-primary w-full", children }: SheetProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  function closed() {
    // Browsers differ in restoring focus; a keyboard user must land where they were.
    if (opener.current?.isConnected) opener.current.focus();
  }

  return (
    <>
      <button ref={opener} type="button" className={triggerClassName} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={closed}
        className="mx-auto mt-auto mb-0 max-h-[92dvh] w-full max-w-none overflow-y-auto rounded-t-2xl bg-slate-50 p-4 shadow-xl backdrop:bg-slate-900/50 sm:m-auto sm:w-[min(36rem,calc(100vw-2rem))] sm:rounded-2xl"
      >
        {/* Stays in view while the sheet scrolls: a phone has no Escape key. */}
        <div className="sticky top-0 z-10 -mx-4 mb-3 flex items-center justify-between gap-3 bg-slate-50 px-4 py-2">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
            {closeLabel}
          </button>
        </div>
        <div className="space-y-3">{children}</div>
      </dialog>
    </>
  );
}
