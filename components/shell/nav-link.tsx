"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

interface NavLinkProps {
  href: string;
  className: string;
  /** A sub-path with its own link (e.g. /tickets/new under /tickets): not this link's page. */
  except?: string;
  children: React.ReactNode;
}

/**
 * A link that marks itself aria-current="page" on its page and the pages under it.
 * It does not prefetch: every page is rendered per request and none has a loading.tsx,
 * so a prefetch bought nothing a tap would not, and Next 16 makes it again for every
 * visible link after each refresh or action (components/tickets/live-tickets.tsx).
 */
export function NavLink({ href, className, except, children }: NavLinkProps) {
  const pathname = usePathname();
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const current = href === "/" ? pathname === "/" : under(href) && !(except && under(except));
  return (
    <Link href={href} prefetch={false} aria-current={current ? "page" : undefined} className={className}>
      {children}
    </Link>
  );
}

/** True when the current page is one of `paths` (or under one): the phone's "Plus" tab lights up for them. */
export function CurrentWithin({ paths, className, children }: { paths: string[]; className: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const within = paths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  return (
    <span data-current={within ? "true" : undefined} className={className}>
      {children}
    </span>
  );
}
