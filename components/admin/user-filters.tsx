import Link from "next/link";
import type { Messages } from "@/lib/i18n";
import { roles } from "@/lib/permissions";

interface UserFiltersProps {
  q?: string;
  role?: string;
  t: Messages;
}

/** A GET form: the filters live in the URL, work without JavaScript and can be shared. */
export function UserFilters({ q, role, t }: UserFiltersProps) {
  const u = t.admin.users;
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-48 space-y-1">
        <label htmlFor="q" className="block text-sm font-medium">{u.search}</label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={u.searchPlaceholder} className="field" />
      </div>
      <div className="basis-40 space-y-1">
        <label htmlFor="role" className="block text-sm font-medium">{u.role}</label>
        <select id="role" name="role" defaultValue={role ?? ""} className="field">
          <option value="">{u.allRoles}</option>
          {roles.map((r) => (
            <option key={r} value={r}>{t.roles[r]}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-primary">{u.filter}</button>
      {(q || role) && <Link href="/admin/users" className="btn-ghost">{u.clear}</Link>}
    </form>
  );
}
