"use client";

import { createContext, use, useId, useLayoutEffect, useRef, useState } from "react";

const InSheet = createContext(false);

/** True for controls inside a sheet: a fold of their own would be a second one. */
export function useInSheet(): boolean {
  return use(InSheet);
}

interface SheetProps {
  /** The button that opens it. */
  label: React.ReactNode;
  title: string;
  closeLabel: string;
  triggerClassName?: string;
  /**
   * Set: from md up the controls are in the page (in a box with these classes) and
   * the button is gone; only a phone keeps them behind it. They move into the sheet
   * while it is open, so they start from what the page says each time.
   */
  inlineWide?: string;
  children: React.ReactNode;
}

/**
 * A group of controls behind one button: a sheet from the bottom of a phone, a
 * centred dialog on a wide screen. A native modal dialog: the page behind is
 * inert (focus stays inside), Escape closes it, and focus goes back to the button.
 * Kept in the page while closed, so its forms keep what they last said.
 */
export function Sheet({ label, title, closeLabel, triggerClassName = "btn-primary w-full", inlineWide, children }: SheetProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const inline = inlineWide !== undefined;

  // Inline controls reach the sheet on the render after the click: it opens once they are in.
  useLayoutEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  function closed() {
    setOpen(false);
    // Browsers differ in restoring focus; a keyboard user must land where they were.
    if (opener.current?.isConnected) opener.current.focus();
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        className={inline ? `${triggerClassName} md:hidden` : triggerClassName}
        aria-haspopup="dialog"
        onClick={() => (inline ? setOpen(true) : dialog.current?.showModal())}
      >
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
        <div className="space-y-3">
          <InSheet value>{(!inline || open) && children}</InSheet>
        </div>
      </dialog>
      {inline && !open && <div className={`hidden md:block ${inlineWide}`}>{children}</div>}
    </>
  );
}
