"use client";

import { useEffect, useRef } from "react";

interface SearchBoxProps {
  labels: { label: string; placeholder: string; shortcut: string };
}

/** Whether a key press belongs to something the user is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable]") !== null;
}

/**
 * The header's search: a plain GET form to /search (works before hydration),
 * and "/" from anywhere on the page, except while typing, puts the cursor in it.
 * The shortcut is announced (title, aria-keyshortcuts) only once it is listened
 * for: before hydration a "/" would be lost, so the page does not promise it.
 */
export function SearchBox({ labels }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    // Announced on the element itself (not rendered by React): only now is it true.
    const box = input.current;
    box?.setAttribute("aria-keyshortcuts", "/");
    box?.setAttribute("title", labels.shortcut);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      box?.removeAttribute("aria-keyshortcuts");
      box?.removeAttribute("title");
    };
  }, [labels.shortcut]);
  return (
    <form role="search" action="/search" method="get" className="min-w-0 flex-1 sm:flex-none">
      <label htmlFor="header-search" className="sr-only">
        {labels.label}
      </label>
      <input
        ref={input}
        id="header-search"
        name="q"
        type="search"
        placeholder={labels.placeholder}
        autoComplete="off"
        enterKeyHint="search"
        maxLength={300}
        className="field min-h-10 w-full py-1.5 sm:w-44 lg:w-56"
      />
    </form>
  );
}
