"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useBoard } from "./board-context";

interface MoveMenuProps {
  id: number;
  ticketId: string;
  label: string;
}

/**
 * The way to move a card without dragging: a menu button, usable with Tab, arrows,
 * Enter and Escape. Its name starts with its visible text ("Déplacer vers… T-12"),
 * so a voice user can say what they see and a screen reader still tells the
 * cards' buttons apart.
 */
export function MoveMenu({ id, ticketId, label }: MoveMenuProps) {
  const { statuses, move, statusOf } = useBoard();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const current = statusOf(id);
  const targets = statuses.filter((s) => s.status !== current);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>("button")?.focus();
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  function onKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`${label} ${ticketId}`}
        onClick={() => setOpen((o) => !o)}
        className="ml-auto inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-2 text-xs font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100"
      >
        {label}
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          onKeyDown={onKeyDown}
          className="absolute inset-x-0 top-full z-20 mt-1 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {targets.map((target) => (
            <li key={target.status} role="none">
              <button
                type="button"
                role="menuitem"
                className="block min-h-10 w-full px-3 text-left text-sm hover:bg-slate-100 focus:bg-slate-100"
                onClick={() => {
                  setOpen(false);
                  button.current?.focus();
                  move(id, target.status, { refocus: true });
                }}
              >
                {target.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
