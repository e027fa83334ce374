import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CardSection } from "@/components/ui/card-section";
import { PasswordForm } from "@/components/profile/password-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { SignOutEverywhere } from "@/components/profile/sign-out-everywhere";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/request";
import { getRequestSettings } from "@/lib/request";
import { requireUser } from "@/lib/request";
import { changePasswordAction, updatePresenceAction, updateProfileAction } from "./actions";
import { PresenceForm } from "@/components/profile/presence-form";
import { registerPushDeviceAction, removePushDeviceAction, saveNotificationPreferencesAction } from "../notifications/actions";
import { PushDevices } from "@/components/profile/push-devices";
import { formatDateTime } from "@/lib/format";
import { listPushDevices } from "@/lib/notifications/devices";
import { NotificationPreferences } from "@/components/profile/notification-preferences";
import { getDb } from "@/lib/db/client";
import { channelFor, kindsFor } from "@/lib/notifications/model";
import { getPreferences } from "@/lib/notifications/queries";
import { isGuest } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.profile.title };
}

export default async function ProfilePage() {
  const [user, { t, locale }, settings, db] = await Promise.all([requireUser({ guests: true }), getMessages(), getRequestSettings(), getDb()]);
  const [chosen, devices, presence] = await Promise.all([
    getPreferences(db, user.id),
    listPushDevices(db, user.id),
    db.user.findUnique({ where: { id: user.id }, select: { hidePresence: true } }),
  ]);
  const p = t.profile;
  const languageOptions = [
    { value: "default", label: format(p.details.languageDefault, { language: p.languages[settings.defaultLocale] }) },
    { value: "fr", label: p.languages.fr },
    { value: "en", label: p.languages.en },
  ];
  return (
    <div className="max-w-xl space-y-8">
      <PageHeader title={p.title} />
      <CardSection id="details" title={p.details.heading}>
        <ProfileForm
          action={updateProfileAction}
          name={user.name}
          email={user.email}
          locale={user.locale ?? "default"}
          languageOptions={languageOptions}
          labels={{ ...p.details }}
        />
      </CardSection>
      {/* A guest never shows online (lib/messages/live-hub.ts): nothing to choose. */}
      {!isGuest(user) && (
        <CardSection id="presence" title={p.presence.heading}>
          <PresenceForm action={updatePresenceAction} hidden={presence?.hidePresence ?? false} labels={{ ...p.presence }} />
        </CardSection>
      )}
      <CardSection id="notifications" title={t.inbox.preferences.heading}>
        <NotificationPreferences
          action={saveNotificationPreferencesAction}
          choices={kindsFor(user.role).map((kind) => ({ kind, label: t.inbox.preferences.kinds[kind], channel: channelFor(user.role, kind, chosen[kind]) }))}
          channelLabels={{ ...t.inbox.preferences.channels }}
          labels={{ ...t.inbox.preferences }}
        />
      </CardSection>
      <CardSection id="devices" title={t.inbox.devices.heading}>
        <PushDevices
          devices={devices.map((d) => ({
            id: d.id,
            name: d.name,
            addedOn: formatDateTime(d.createdAt, locale, settings.timeZone),
            lastUsed: d.lastUsedAt ? formatDateTime(d.lastUsedAt, locale, settings.timeZone) : null,
          }))}
          // Under workerd OpenNext copies the worker's vars and secrets into process.env.
          vapidPublicKey={process.env.VAPID_PUBLIC_KEY || null}
          register={registerPushDeviceAction}
          remove={removePushDeviceAction}
          labels={{ ...t.inbox.devices, cancel: t.common.cancel }}
        />
      </CardSection>
      <CardSection id="password" title={p.password.heading}>
        <PasswordForm action={changePasswordAction} labels={{ ...p.password }} />
      </CardSection>
      <CardSection id="sessions" title={p.sessions.heading}>
        <SignOutEverywhere t={p.sessions} />
      </CardSection>
    </div>
  );
}
