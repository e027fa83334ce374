import type { Metadata } from "next";
import Link from "next/link";
import { GuestInviteForm } from "@/components/admin/guest-forms";
import { CardSection } from "@/components/ui/card-section";
import { PageHeader } from "@/components/ui/page-header";
import { guestExpiryBounds } from "@/lib/accounts/guest-access";
import { getDb } from "@/lib/db/client";
import { utcToWallTime } from "@/lib/factory-time";
import { format } from "@/lib/i18n";
import { listGroupsOf } from "@/lib/messages/queries";
import { getMessages, getRequestSettings, requirePermission } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.guestForm.title };
}

/** "Inviter un invité": the account, the day its access ends, and the admin's groups to add it to. */
export default async function InviteGuestPage() {
  const admin = await requirePermission("user.manage");
  const [{ t, locale }, settings, groups] = await Promise.all([getMessages(), getRequestSettings(), listGroupsOf(await getDb(), admin.id)]);
  const today = utcToWallTime(new Date(), settings.timeZone).date;
  const f = t.admin.guestForm;
  return (
    <div className="max-w-xl space-y-6">
      <Link href="/admin/users" className="text-sm text-slate-700 underline">{t.admin.users.back}</Link>
      <PageHeader title={f.title} intro={f.intro} />
      <CardSection id="invite">
        <GuestInviteForm
          bounds={guestExpiryBounds(today)}
          groups={groups.map((group) => ({ id: group.id, name: group.name, detail: format(f.groupMembers, { count: group.members }, locale) }))}
          locale={locale}
          labels={f}
        />
      </CardSection>
    </div>
  );
}
