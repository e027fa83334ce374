"use client";

import { useEffect, useState } from "react";

/** How long a move can be undone, unless the pointer or the focus rests on the notice. */
const UNDO_MS = 10_000;

export interface MoveNotice {
  /** Tells two notices with the same words apart (each starts its own timer). */
  key: number;
  text: string;
  error: boolean;
  /** Set while the move can still be undone. */
  undo?: () => void;
}

interface MoveToastProps {
  notice: MoveNotice | null;
  undoLabel: string;
  onExpire: () => void;
}

const box = "fixed inset-x-3 bottom-24 z-40 flex items-center justify-between gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg sm:inset-x-auto sm:right-4 sm:bottom-4 sm:max-w-md";

/**
 * What the last move did, said in a live region ("T-12 déplacé vers « Terminé ». Annuler"),
 * with its Annuler button for a few seconds. It sits before the columns in the page's
 * order, so Shift+Tab from a card reaches it.
 */
export function MoveToast({ notice, undoLabel, onExpire }: MoveToastProps) {
  return (
    <>
      {/* Always in the page: a live region that appears with its text is not reliably read out. */}
      <div role="status">
        {notice && !notice.error && <Notice key={notice.key} notice={notice} undoLabel={undoLabel} onExpire={onExpire} />}
      </div>
      {notice?.error && <Notice key={notice.key} notice={notice} undoLabel={undoLabel} onExpire={onExpire} />}
    </>
  );
}

/** One notice and its timer, which waits while the pointer or the focus is on it (time to read, time to reach Annuler). */
function Notice({ notice, undoLabel, onExpire }: { notice: MoveNotice; undoLabel: string; onExpire: () => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(onExpire, UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [held, onExpire]);
  const hold = {
    onFocus: () => setHeld(true),
    onBlur: () => setHeld(false),
    onMouseEnter: () => setHeld(true),
    onMouseLeave: () => setHeld(false),
  };
  if (notice.error) {
    return (
      <p role="alert" {...hold} className={`${box} border-red-300 bg-red-50 text-red-800`}>
        {notice.text}
      </p>
    );
  }
  return (
    <p {...hold} className={`${box} border-emerald-300 bg-emerald-50 text-emerald-950`}>
      <span>{notice.text}</span>
      {notice.undo && (
        <button type="button" onClick={notice.undo} className="min-h-10 shrink-0 rounded-md px-3 font-semibold text-emerald-900 underline underline-offset-2 hover:bg-emerald-100">
          {undoLabel}
        </button>
      )}
    </p>
  );
}
