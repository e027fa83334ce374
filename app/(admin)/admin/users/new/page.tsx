import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CardSection } from "@/components/ui/card-section";
import Link from "next/link";
import { UserForm } from "@/components/admin/user-form";
import { getMessages } from "@/lib/request";
import { roles } from "@/lib/permissions";
import { requirePermission } from "@/lib/request";
import { createUserAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.userForm.createTitle };
}

export default async function NewUserPage() {
  await requirePermission("user.manage");
  const { t } = await getMessages();
  const f = t.admin.userForm;
  return (
    <div className="max-w-xl space-y-6">
      <Link href="/admin/users" className="text-sm text-slate-700 underline">{t.admin.users.back}</Link>
      <PageHeader title={f.createTitle} />
      <CardSection id="new-user">
        <UserForm
          action={createUserAction}
          roleOptions={roles.map((r) => ({ value: r, label: t.roles[r] }))}
          labels={{ ...f, submit: f.create, submitting: f.creating }}
        />
      </CardSection>
    </div>
  );
}
