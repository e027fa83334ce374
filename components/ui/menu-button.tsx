"use client";

import Link from "next/link";
import { useEffect, useId, useLayoutEffect, useRef } from "react";

export type MenuItem = { label: string; icon?: React.ReactNode; danger?: boolean } & ({ onSelect: () => void } | { href: string });

interface MenuButtonProps {
  /** The button's name for screen readers ("Actions : message de Marc"). */
  label: string;
  /** What the button shows (an icon). */
  children: React.ReactNode;
  items: MenuItem[];
  /** Controlled, so that something else (a long press) may open it too. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  buttonClassName?: string;
  /** Which edge of the button the menu lines up with, when it has room there. */
  align?: "start" | "end";
}

const itemClass = "flex min-h-11 w-full items-center gap-3 px-3 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";

/**
 * A menu button (WAI-ARIA APG): Enter, Space or a tap opens it with focus on the
 * first item; arrows, Home and End move; Escape closes it and focus goes back to
 * the button; Tab or a tap outside closes it. Opens upwards when the button sits
 * low on the screen, so it never hides under a phone's bottom bars.
 */
export function MenuButton({ label, children, items, open, onOpenChange, buttonClassName = "", align = "end" }: MenuButtonProps) {
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  // Before the first paint of the open menu: which way it has room, up or down, and to which side.
  useLayoutEffect(() => {
    const list = menu.current;
    if (!open || !list || !button.current) return;
    list.dataset.up = String(button.current.getBoundingClientRect().bottom > window.innerHeight * 0.55);
    const { left, right } = list.getBoundingClientRect();
    if (right > document.documentElement.clientWidth) list.dataset.align = "end";
    else if (left < 0) list.dataset.align = "start";
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) onOpenChange(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open, onOpenChange]);

  function close(refocus: boolean) {
    onOpenChange(false);
    if (refocus) button.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: entries.length - 1 }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      entries[(to + entries.length) % entries.length]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") close(false);
  }

  return (
    <span className="relative inline-flex">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => onOpenChange(!open)}
        className={buttonClassName}
      >
        {children}
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
          data-align={align}
          className="absolute top-full z-30 mt-1 w-max max-w-[min(18rem,calc(100vw-2rem))] min-w-48 rounded-lg border border-slate-200 bg-white py-1 shadow-lg data-[align=end]:right-0 data-[align=start]:left-0 data-[up=true]:top-auto data-[up=true]:bottom-full data-[up=true]:mb-1"
        >
          {items.map((item) => (
            <li key={item.label} role="none">
              {"href" in item ? (
                <Link href={item.href} prefetch={false} role="menuitem" tabIndex={-1} className={itemClass} onClick={() => close(false)}>
                  {item.icon}
                  {item.label}
                </Link>
              ) : (
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={`${itemClass} ${item.danger ? "text-red-700" : ""}`}
                  onClick={() => {
                    close(true);
                    item.onSelect();
                  }}
                >
                  {item.icon}
                  {item.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
