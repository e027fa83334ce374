import Link from "next/link";
import { SelectField, TextField } from "@/components/ui/fields";
import type { Messages } from "@/lib/i18n";
import { allRoles } from "@/lib/permissions";

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
      <div className="min-w-0 flex-1 basis-48">
        <TextField id="q" name="q" type="search" label={u.search} defaultValue={q} placeholder={u.searchPlaceholder} />
      </div>
      <div className="basis-40">
        <SelectField id="role" name="role" label={u.role} defaultValue={role ?? ""} placeholder={u.allRoles} options={allRoles.map((r) => ({ value: r, label: t.roles[r] }))} />
      </div>
      <button type="submit" className="btn-primary">{u.filter}</button>
      {(q || role) && <Link href="/admin/users" className="btn-ghost">{u.clear}</Link>}
    </form>
  );
}
