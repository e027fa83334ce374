"use client";

import { useEffect, useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { useInSheet } from "@/components/ui/sheet";

/**
 * The board's folded filters. Their fields (a plant's hundreds of machines are as
 * many <option>s) join the page only once the panel is opened: a folded panel
 * costs the board no DOM. In a phone's filter sheet they are not folded: the sheet is the fold.
 */
export function FilterPanel({ initiallyOpen, summary, children }: { initiallyOpen: boolean; summary: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  const details = useRef<HTMLDetailsElement>(null);
  const unfolded = useInSheet();
  // Opened before the page was interactive: the toggle event was missed.
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  if (unfolded) return <div className="min-w-0 basis-full">{children}</div>;
  return (
    <details ref={details} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="group min-w-0 flex-1 basis-full sm:basis-0">
      <summary className="btn-ghost min-h-11 cursor-pointer gap-1 px-1 text-sm">
        <Icon name="chevron" className="h-4 w-4 transition-transform group-open:rotate-90" />
        {summary}
      </summary>
      {open && children}
    </details>
  );
}
