import { UnreadBadge } from "@/components/messages/unread-badge";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { Locale, Messages } from "@/lib/i18n";
import { can } from "@/lib/permissions";
import type { CurrentUser } from "@/lib/request";
import { Brand } from "./brand";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

interface AppHeaderProps {
  user: CurrentUser;
  locale: Locale;
  t: Messages;
  companyName: string;
  logoKey: string | null;
}

export function AppHeader({ user, locale, t, companyName, logoKey }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Phones: brand and account on the first row, navigation on its own scrollable row. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 px-3 py-2 sm:flex-nowrap sm:px-6">
        <Brand name={companyName} logoSrc={logoKey ? `/logo?v=${encodeURIComponent(logoKey)}` : undefined} />
        <nav
          aria-label={t.nav.main}
          className="order-last -mx-1 flex w-full min-w-0 gap-1 overflow-x-auto px-1 pt-1 sm:order-none sm:mx-0 sm:ml-4 sm:w-auto sm:flex-1 sm:pt-0"
        >
          <NavLink href="/">{t.nav.dashboard}</NavLink>
          <NavLink href="/tickets">{t.tickets.nav}</NavLink>
          <NavLink href="/machines">{t.machines.nav}</NavLink>
          <NavLink href="/messages">
            {t.messages.nav}
            <UnreadBadge label={t.messages.unread} locale={locale} />
          </NavLink>
          {can(user, "user.list") && <NavLink href="/admin/users">{t.admin.nav.users}</NavLink>}
          {can(user, "settings.manage") && <NavLink href="/admin/settings">{t.admin.nav.settings}</NavLink>}
          {can(user, "audit.view") && <NavLink href="/admin/audit">{t.admin.nav.audit}</NavLink>}
          {can(user, "machine.manage") && <NavLink href="/admin/data">{t.admin.nav.data}</NavLink>}
          {can(user, "notifications.manage") && <NavLink href="/admin/notifications">{t.notifications.nav}</NavLink>}
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <NotificationBell userId={user.id} t={t} locale={locale} />
          <LanguageSwitch locale={locale} label={t.language.switchTo} ariaLabel={t.language.switchToLabel} />
          <UserMenu user={user} t={t} />
        </div>
      </div>
    </header>
  );
}
