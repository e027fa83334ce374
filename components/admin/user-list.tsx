import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatDateTime, formatDay } from "@/lib/format";
import { lastDayOfAccess } from "@/lib/accounts/guest-access";
import type { UserRow } from "@/lib/accounts/users";
import { EmptyState } from "@/components/ui/empty-state";

interface UserListProps {
  users: UserRow[];
  canManage: boolean;
  t: Messages;
  locale: Locale;
  timeZone: string;
}

/** One card per account on phones, a row per account from the sm breakpoint. */
export function UserList({ users, canManage, t, locale, timeZone }: UserListProps) {
  const u = t.admin.users;
  const now = new Date();
  if (users.length === 0) return <EmptyState>{u.empty}</EmptyState>;
  const row = "sm:grid-cols-[2fr_1fr_1fr_6rem] sm:items-center sm:gap-4 sm:px-4";
  return (
    <div className="rounded-xl border border-slate-200 bg-white">
      {/* Column names for sighted desktop users; each row already labels its cells for screen readers. */}
      <div aria-hidden="true" className={`hidden border-b border-slate-200 py-2 text-xs font-medium tracking-wide text-slate-500 uppercase sm:grid ${row}`}>
        <span>{u.columns.name}</span>
        <span>
          {u.columns.role} · {u.columns.status}
        </span>
        <span>{u.columns.lastLogin}</span>
      </div>
      <ul className="divide-y divide-slate-200" data-testid="user-list">
        {users.map((user) => (
          <li key={user.id} className={`grid gap-1 p-3 ${row}`}>
            <div className="min-w-0">
              <p className={`truncate font-medium ${user.active ? "" : "text-slate-500 line-through"}`}>{user.name}</p>
              <p className="truncate text-sm text-slate-600">{user.email}</p>
              {user.company && <p className="truncate text-sm text-slate-600">{user.company}</p>}
            </div>
            <div className="flex flex-wrap gap-1 text-sm">
              <span className="rounded bg-slate-100 px-2 py-0.5">{t.roles[user.role]}</span>
              <span className={`rounded px-2 py-0.5 ${user.active ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
                {user.active ? u.active : u.inactive}
              </span>
              {user.mustChangePassword && <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-900">{u.mustChange}</span>}
              {user.expiresAt && (
                // A guest's access: until its last day, or over.
                <span className={`rounded px-2 py-0.5 ${user.expiresAt > now ? "bg-sky-50 text-sky-900" : "bg-red-50 text-red-800"}`}>
                  {user.expiresAt > now ? format(u.guestUntil, { day: formatDay(lastDayOfAccess(user.expiresAt, timeZone), locale) }) : u.guestEnded}
                </span>
              )}
            </div>
            <p className="text-sm text-slate-600">
              <span className="sm:sr-only">{u.lastLoginLabel} </span>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale, timeZone) : u.never}
            </p>
            {canManage && (
              <Link href={`/admin/users/${user.id}`} className="btn-secondary justify-self-start text-sm" aria-label={format(u.editLabel, { name: user.name })}>
                {u.edit}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
