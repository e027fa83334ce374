"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-200/70 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
    >
      {children}
    </Link>
  );
}
