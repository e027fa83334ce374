import { UnreadBadge } from "@/components/messages/unread-badge";
import type { Locale, Messages } from "@/lib/i18n";
import { can } from "@/lib/permissions";
import type { CurrentUser } from "@/lib/request";
import { Disclosure } from "./disclosure";
import { Icon } from "./icons";
import { LanguageSwitch } from "./language-switch";
import { CurrentWithin, NavLink } from "./nav-link";

interface MainNavProps {
  user: CurrentUser;
  locale: Locale;
  t: Messages;
}

/** The admin pages this user may open, in the order the header lists them. */
function adminPages(user: CurrentUser, t: Messages) {
  return [
    can(user, "user.list") && { href: "/admin/users", label: t.admin.nav.users },
    can(user, "settings.manage") && { href: "/admin/settings", label: t.admin.nav.settings },
    can(user, "broadcast.manage") && { href: "/admin/screens", label: t.tv.nav },
    can(user, "audit.view") && { href: "/admin/audit", label: t.admin.nav.audit },
    can(user, "machine.manage") && { href: "/admin/data", label: t.admin.nav.data },
    can(user, "notifications.manage") && { href: "/admin/notifications", label: t.notifications.nav },
  ].filter((page) => page !== false);
}

// One <nav> for both sizes, so each link (and the live unread badge) exists once.
// Phones (< md): a tab bar fixed at the bottom, within thumb reach: Accueil, Tickets,
// Signaler, Messages, Plus (the other pages and the account). Wider screens: a row
// under the top bar that wraps rather than hiding a page; its links sit 16 px apart
// (their own padding, no gap), so an admin's twelve fit one row at 1280 px in French (with no room to spare: 1,104 px of links and their separator).
const tab =
  "relative flex min-h-14 min-w-0 flex-1 flex-col items-center justify-center gap-0.5 px-1 text-xs font-medium text-slate-600 aria-[current=page]:font-semibold aria-[current=page]:text-amber-800 " +
  "md:min-h-10 md:flex-none md:flex-row md:gap-0 md:rounded-md md:px-2 md:text-sm md:text-slate-700 md:hover:bg-slate-200/70 md:aria-[current=page]:bg-slate-900 md:aria-[current=page]:text-white";
const desktopOnly = "hidden md:flex";
const moreItem =
  "flex min-h-11 items-center rounded-md px-3 text-base text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-white";

export function MainNav({ user, locale, t }: MainNavProps) {
  const admin = adminPages(user, t);
  const stats = can(user, "stats.view");
  // A guest has their conversations and their account, nothing of the plant (lib/permissions.ts).
  const role = user.role === "guest" ? null : user.role;
  return (
    <nav
      aria-label={t.nav.main}
      className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:static md:border-0 md:bg-transparent md:pb-0"
    >
      <div className="mx-auto flex max-w-6xl items-stretch md:flex-wrap md:items-center md:px-6 md:pb-2">
        {role && (
          <>
            <NavLink href="/" className={tab}>
              <Icon name="home" className="h-6 w-6 md:hidden" />
              <span className="md:hidden">{t.nav.home}</span>
              {/* The home is each role's own (app/(app)/page.tsx): "Mon travail", "Mes signalements"... */}
              <span className="hidden md:inline">{t.home.title[role]}</span>
            </NavLink>
            <NavLink href="/tickets" except="/tickets/new" className={tab}>
              <Icon name="tickets" className="h-6 w-6 md:hidden" />
              {t.tickets.nav}
            </NavLink>
            <NavLink href="/machines" className={`${tab} ${desktopOnly}`}>
              {t.machines.nav}
            </NavLink>
          </>
        )}
        {can(user, "plan.view") && (
          <NavLink href="/planning" className={`${tab} ${desktopOnly}`}>
            {t.plans.nav}
          </NavLink>
        )}
        {stats && (
          <NavLink href="/stats" className={`${tab} ${desktopOnly}`}>
            {t.nav.stats}
          </NavLink>
        )}
        {/* On wider screens the same action sits in the top bar (AppHeader). */}
        {role && (
          <NavLink href="/tickets/new" className={`${tab} md:hidden`}>
            <span className="flex h-6 w-10 items-center justify-center rounded-full bg-slate-900 text-white">
              <Icon name="report" className="h-5 w-5" />
            </span>
            {t.nav.report}
          </NavLink>
        )}
        <NavLink href="/messages" className={tab}>
          <Icon name="messages" className="h-6 w-6 md:hidden" />
          {t.messages.nav}
          {/* Phones: on the icon's corner; wider screens: after the word. */}
          <span className="flex max-md:absolute max-md:top-1 max-md:left-1/2 max-md:ml-1.5 md:ml-1.5">
            <UnreadBadge label={t.messages.unread} locale={locale} />
          </span>
        </NavLink>
        {admin.length > 0 && (
          <span aria-hidden="true" className="mx-1 hidden h-6 w-px bg-slate-300 md:block" />
        )}
        {admin.map((page) => (
          <NavLink key={page.href} href={page.href} className={`${tab} ${desktopOnly}`}>
            {page.label}
          </NavLink>
        ))}
        <Disclosure
          className="flex flex-1 md:hidden"
          summaryClassName="flex w-full"
          summary={
            <CurrentWithin paths={["/machines", "/planning", "/stats", "/profile", "/admin"]} className={`${tab} data-[current=true]:font-semibold data-[current=true]:text-amber-800`}>
              <Icon name="more" className="h-6 w-6" />
              {t.nav.more}
            </CurrentWithin>
          }
          panelClassName="fixed inset-x-0 bottom-[calc(3.5rem+env(safe-area-inset-bottom))] max-h-[75dvh] overflow-y-auto rounded-t-xl border-t border-slate-200 bg-white p-3 shadow-[0_-8px_24px_rgb(15_23_42/0.12)]"
        >
          <ul className="space-y-1 empty:hidden">
            {role && (
              <li>
                <NavLink href="/machines" className={moreItem}>{t.machines.nav}</NavLink>
              </li>
            )}
            {can(user, "plan.view") && (
              <li>
                <NavLink href="/planning" className={moreItem}>{t.plans.nav}</NavLink>
              </li>
            )}
            {stats && (
              <li>
                <NavLink href="/stats" className={moreItem}>{t.nav.stats}</NavLink>
              </li>
            )}
          </ul>
          {admin.length > 0 && (
            <>
              <p className="mt-3 px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">{t.nav.admin}</p>
              <ul className="mt-1 space-y-1">
                {admin.map((page) => (
                  <li key={page.href}>
                    <NavLink href={page.href} className={moreItem}>{page.label}</NavLink>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-3 border-t border-slate-200 px-3 pt-3 text-xs text-slate-600">
            {user.name} · {t.roles[user.role]}
          </p>
          <ul className="mt-1 space-y-1">
            <li>
              <NavLink href="/profile" className={moreItem}>{t.profile.menuLink}</NavLink>
            </li>
            <li>
              <LanguageSwitch locale={locale} label={t.language.switchTo} ariaLabel={t.language.switchToLabel} className={`${moreItem} w-full`} />
            </li>
            <li>
              <NavLink href="/sign-out" className={moreItem}>{t.userMenu.signOut}</NavLink>
            </li>
          </ul>
        </Disclosure>
      </div>
    </nav>
  );
}
