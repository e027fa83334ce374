import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountAccessForm } from "@/components/admin/account-access-form";
import { PasswordResetForm } from "@/components/admin/password-reset-form";
import { UserForm } from "@/components/admin/user-form";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { getRequestSettings } from "@/lib/request-settings";
import { roles } from "@/lib/roles";
import { requirePermission } from "@/lib/session";
import { getUserRow } from "@/lib/users";
import { resetPasswordAction, setUserActiveAction, updateUserAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.users.title };
}

export default async function EditUserPage({ params, searchParams }: PageProps<"/admin/users/[id]">) {
  const actor = await requirePermission("user.manage");
  const id = Number((await params).id);
  const user = Number.isInteger(id) && id > 0 ? await getUserRow(await getDb(), actor, id) : null;
  if (!user) notFound();
  const [{ t, locale }, settings, { created }] = await Promise.all([getMessages(), getRequestSettings(), searchParams]);
  const { userForm: f, reset, access, confirm } = t.admin;
  const self = user.id === actor.id;
  const lastLogin = user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale, settings.timeZone) : t.admin.users.never;
  const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6";
  return (
    <div className="max-w-xl space-y-6">
      <Link href="/admin/users" className="text-sm text-slate-700 underline">{t.admin.users.back}</Link>
      <h1 className="text-2xl font-semibold">{format(f.editTitle, { name: user.name })}</h1>
      {created === "1" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {format(t.admin.users.created, { name: user.name })}
        </p>
      )}
      {self && <p className="text-sm text-slate-600">{f.selfNote}</p>}
      <section className={card}>
        <UserForm
          action={updateUserAction}
          user={user}
          roleOptions={roles.map((r) => ({ value: r, label: t.roles[r] }))}
          labels={{ ...f, submit: f.save, submitting: f.saving }}
        />
      </section>
      <section className={card} aria-labelledby="reset-heading">
        <h2 id="reset-heading" className="text-lg font-semibold">{reset.heading}</h2>
        <PasswordResetForm
          action={resetPasswordAction}
          userId={user.id}
          labels={{
            ...reset,
            password: f.password,
            confirm: format(reset.confirm, { name: user.name }),
            done: format(reset.done, { name: user.name }),
            confirmLabel: confirm.confirm,
            cancelLabel: confirm.cancel,
          }}
        />
      </section>
      {!self && (
        <section className={card} aria-labelledby="access-heading">
          <h2 id="access-heading" className="text-lg font-semibold">{access.heading}</h2>
          <AccountAccessForm
            action={setUserActiveAction}
            userId={user.id}
            active={user.active}
            labels={{
              status: user.active ? format(access.isActive, { lastLogin }) : access.isInactive,
              button: user.active ? access.deactivate : access.reactivate,
              question: format(user.active ? access.confirmDeactivate : access.confirmReactivate, { name: user.name }),
              deactivated: format(access.deactivated, { name: user.name }),
              reactivated: format(access.reactivated, { name: user.name }),
              working: access.working,
              confirmLabel: confirm.confirm,
              cancelLabel: confirm.cancel,
            }}
          />
        </section>
      )}
    </div>
  );
}
