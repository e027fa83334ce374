import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CardSection } from "@/components/ui/card-section";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountAccessForm } from "@/components/admin/account-access-form";
import { PasswordResetForm } from "@/components/admin/password-reset-form";
import { UserForm } from "@/components/admin/user-form";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/request";
import { getRequestSettings } from "@/lib/request";
import { roles } from "@/lib/permissions";
import { requirePermission } from "@/lib/request";
import { getUserRow } from "@/lib/accounts/users";
import { EndGuestAccessButton, GuestAccessForm } from "@/components/admin/guest-forms";
import { guestExpiryBounds, lastDayOfAccess } from "@/lib/accounts/guest-access";
import { utcToWallTime } from "@/lib/factory-time";
import { formatDay } from "@/lib/format";
import { isGuest } from "@/lib/permissions";
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
  const { userForm: f, reset, access, confirm, guestAccess: ga, guestForm } = t.admin;
  const self = user.id === actor.id;
  // A guest stays a guest: no role to choose, and their access instead (lib/accounts/guests.ts).
  const now = new Date();
  const guest =
    isGuest(user) && user.expiresAt
      ? { open: user.expiresAt > now, lastDay: lastDayOfAccess(user.expiresAt, settings.timeZone), company: user.company ?? "" }
      : null;
  const lastLogin = user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale, settings.timeZone) : t.admin.users.never;
  return (
    <div className="max-w-xl space-y-6">
      <Link href="/admin/users" className="text-sm text-slate-700 underline">{t.admin.users.back}</Link>
      <PageHeader title={format(f.editTitle, { name: user.name })} />
      {created === "1" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {format(guest ? guestForm.created : t.admin.users.created, { name: user.name })}
        </p>
      )}
      {self && <p className="text-sm text-slate-600">{f.selfNote}</p>}
      <CardSection id="details">
        <UserForm
          action={updateUserAction}
          user={user}
          roleOptions={guest ? [] : roles.map((r) => ({ value: r, label: t.roles[r] }))}
          labels={{ ...f, submit: f.save, submitting: f.saving }}
        />
      </CardSection>
      {guest && (
        <CardSection id="guest-access" title={ga.heading}>
          <p className="text-slate-700" data-testid="guest-access">
            {format(guest.open ? ga.until : ga.ended, { company: guest.company, day: formatDay(guest.lastDay, locale) })}
          </p>
          <GuestAccessForm
            guestId={user.id}
            company={guest.company}
            lastDay={guest.lastDay}
            bounds={guestExpiryBounds(utcToWallTime(now, settings.timeZone).date)}
            locale={locale}
            labels={{ ...ga, company: guestForm.company, expiresOn: guestForm.expiresOn, expiresHelp: guestForm.expiresHelp }}
          />
          {guest.open && (
            <EndGuestAccessButton
              guestId={user.id}
              labels={{ end: ga.end, ending: ga.ending, question: format(ga.endQuestion, { name: user.name }), done: format(ga.endedNow, { name: user.name }), confirmLabel: ga.end, cancelLabel: confirm.cancel }}
            />
          )}
        </CardSection>
      )}
      <CardSection id="reset" title={reset.heading}>
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
      </CardSection>
      {!self && (
        <CardSection id="access" title={access.heading}>
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
        </CardSection>
      )}
    </div>
  );
}
