"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The board's folded filters. Their fields (a plant's hundreds of machines are as
 * many <option>s) join the page only once the panel is opened: a folded panel
 * costs the board no DOM.
 */
export function FilterPanel({ initiallyOpen, summary, children }: { initiallyOpen: boolean; summary: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the page was interactive: the toggle event was missed.
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={details} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="group min-w-0 flex-1 basis-full sm:basis-0">
      <summary className="btn-ghost min-h-11 cursor-pointer gap-1 px-1 text-sm">
        <span aria-hidden className="inline-block transition-transform group-open:rotate-90">▸</span>
        {summary}
      </summary>
      {open && children}
    </details>
  );
}
