import Link from "next/link";
import type { CurrentUser } from "@/lib/request";
import type { Messages } from "@/lib/i18n";

interface UserMenuProps {
  user: CurrentUser;
  t: Messages;
}

/** <details> gives a keyboard-operable disclosure with no client JavaScript. */
export function UserMenu({ user, t }: UserMenuProps) {
  const initials = user.name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <details className="relative">
      <summary
        aria-label={t.userMenu.label}
        className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md px-2 hover:bg-slate-200/70 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-full bg-amber-600 text-sm font-semibold text-white">
          {initials}
        </span>
        <span className="hidden max-w-40 truncate text-sm font-medium sm:inline">{user.name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <p className="text-xs text-slate-500">{t.userMenu.signedInAs}</p>
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
      </div>
    </details>
  );
}
