import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { UserFilters } from "@/components/admin/user-filters";
import { UserList } from "@/components/admin/user-list";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/request";
import { can } from "@/lib/permissions";
import { getRequestSettings } from "@/lib/request";
import { requirePermission } from "@/lib/request";
import { listUsers, userListInput } from "@/lib/accounts/users";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.users.title };
}

export default async function UsersPage({ searchParams }: PageProps<"/admin/users">) {
  const user = await requirePermission("user.list");
  const filters = userListInput.parse(await searchParams);
  const [{ t, locale }, settings, users] = await Promise.all([
    getMessages(),
    getRequestSettings(),
    listUsers(await getDb(), user, filters),
  ]);
  const canManage = can(user, "user.manage");
  const u = t.admin.users;
  return (
    <div className="space-y-6">
      <PageHeader title={u.title} intro={canManage ? u.intro : u.readOnly}>
        {canManage && (
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/users/invite" className="btn-secondary">{u.inviteGuest}</Link>
            <Link href="/admin/users/new" className="btn-primary">{u.newUser}</Link>
          </div>
        )}
      </PageHeader>
      <UserFilters q={filters.q} role={filters.role} t={t} />
      <p className="text-sm text-slate-600" aria-live="polite">{format(u.count, { count: users.length }, locale)}</p>
      <UserList users={users} canManage={canManage} t={t} locale={locale} timeZone={settings.timeZone} />
    </div>
  );
}
