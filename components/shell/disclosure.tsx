"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

interface DisclosureProps {
  summary: React.ReactNode;
  summaryClassName: string;
  summaryLabel?: string;
  className?: string;
  panelClassName: string;
  children: React.ReactNode;
}

/**
 * A menu on <details>: keyboard-operable and usable before hydration. Once hydrated
 * it closes as a menu should: on Escape (focus back on its button), on a click
 * outside, after choosing a link or submitting a form inside, and on navigation to
 * another page (the shell's layout persists across client navigations, so <details>
 * alone would stay open there).
 */
export function Disclosure({ summary, summaryClassName, summaryLabel, className, panelClassName, children }: DisclosureProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, []);

  const close = () => {
    if (ref.current) ref.current.open = false;
  };

  return (
    <details
      ref={ref}
      className={className}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !ref.current?.open) return;
        ref.current.open = false;
        ref.current.querySelector("summary")?.focus();
      }}
    >
      <summary aria-label={summaryLabel} className={`cursor-pointer list-none [&::-webkit-details-marker]:hidden ${summaryClassName}`}>
        {summary}
      </summary>
      <div
        className={panelClassName}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) close();
        }}
        onSubmit={close}
      >
        {children}
      </div>
    </details>
  );
}
