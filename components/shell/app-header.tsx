import { AppInstall } from "@/components/notifications/app-install";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { OutboxIndicator } from "@/components/offline/outbox-indicator";
import type { Locale, Messages } from "@/lib/i18n";
import type { CurrentUser } from "@/lib/request";
import { Brand } from "./brand";
import { Icon } from "./icons";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";
import { NavLink } from "./nav-link";
import { SearchBox } from "./search-box";
import { UserMenu } from "./user-menu";

interface AppHeaderProps {
  user: CurrentUser;
  locale: Locale;
  t: Messages;
  companyName: string;
  logoKey: string | null;
}

/**
 * The top bar: brand, header items, the primary action, language and account.
 * On phones it is one 56 px row (the navigation is the tab bar at the bottom, see
 * MainNav); on wider screens the navigation is a second row under it.
 */
export function AppHeader({ user, locale, t, companyName, logoKey }: AppHeaderProps) {
  // A guest has no search, no bell and nothing to report (lib/permissions.ts): the service worker still comes, for their groups' pushes.
  const guest = user.role === "guest";
  return (
    <header className="border-b border-slate-200 bg-white max-md:h-14">
      <div className="mx-auto flex h-full max-w-6xl items-center gap-2 px-3 md:h-16 md:px-6">
        <Brand name={companyName} logoSrc={logoKey ? `/logo?v=${encodeURIComponent(logoKey)}` : undefined} />
        {/*
          Header items: the place for one-line additions such as the search box or the
          notifications bell. Each item is one element about 44 px tall (min-h-11) that
          fits a 360 px phone beside the brand and the account button: show a compact
          form (an icon button) below md and the full one from md up.
        */}
        <div data-slot="header-items" className="ml-auto flex min-w-0 items-center gap-1">
          {!guest && <SearchBox labels={t.search.box} />}
          <OutboxIndicator />
          {guest ? <AppInstall locale={locale} labels={{ ...t.inbox.install }} /> : <NotificationBell userId={user.id} t={t} locale={locale} />}
        </div>
        {!guest && (
          <NavLink href="/tickets/new" className="btn-primary hidden gap-1.5 px-3 text-sm md:inline-flex aria-[current=page]:bg-amber-800">
            <Icon name="report" className="h-4 w-4" />
            {t.nav.report}
          </NavLink>
        )}
        <LanguageSwitch locale={locale} label={t.language.switchTo} ariaLabel={t.language.switchToLabel} className="btn-ghost hidden text-sm md:inline-flex" />
        <UserMenu user={user} t={t} />
      </div>
      <MainNav user={user} locale={locale} t={t} />
    </header>
  );
}
