import Link from "next/link";
import type { CurrentUser } from "@/lib/request";
import type { Messages } from "@/lib/i18n";
import { Disclosure } from "./disclosure";

interface UserMenuProps {
  user: CurrentUser;
  t: Messages;
}

export function UserMenu({ user, t }: UserMenuProps) {
  const initials = user.name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <Disclosure
      className="relative"
      summaryLabel={t.userMenu.label}
      summaryClassName="flex min-h-11 items-center gap-2 rounded-md px-1.5 hover:bg-slate-200/70"
      summary={
        // The initials are drawn by CSS (::before), not text: the button's name is its
        // label alone, which axe requires to contain any visible text (label-content-name-
        // mismatch). amber-700 keeps white initials above 4.5:1 (amber-600 gave 3.19:1).
        <span
          aria-hidden="true"
          data-initials={initials}
          className="flex h-8 w-8 items-center justify-center rounded-full bg-amber-700 text-sm font-semibold text-white before:content-[attr(data-initials)]"
        />
      }
      panelClassName="absolute right-0 z-40 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
    >
      <p className="text-xs text-slate-600">{t.userMenu.signedInAs}</p>
      <p className="truncate font-medium" data-testid="user-name">{user.name}</p>
      <p className="truncate text-sm text-slate-600">{user.email}</p>
      <p className="mt-1 inline-block rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700" data-testid="user-role">
        {t.roles[user.role]}
      </p>
      <Link href="/profile" className="btn-ghost mt-3 w-full">
        {t.profile.menuLink}
      </Link>
      <Link href="/sign-out" className="btn-secondary mt-2 w-full">
        {t.userMenu.signOut}
      </Link>
    </Disclosure>
  );
}
