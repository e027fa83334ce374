import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { CardSection } from "@/components/ui/card-section";
import { LogoForm } from "@/components/admin/logo-form";
import { SettingsForm } from "@/components/admin/settings-form";
import { RetentionForm } from "@/components/admin/retention-form";
import { TranscriptionForm } from "@/components/admin/transcription-form";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { formatDateTime } from "@/lib/format";
import { getLastPurge, getRetentionSettings } from "@/lib/retention/settings";
import { getMessages } from "@/lib/request";
import { getRequestSettings } from "@/lib/request";
import { requirePermission } from "@/lib/request";
import { isTranscriptionOn } from "@/lib/voice/settings";
import { speechToText } from "@/lib/voice/transcribe";
import { removeLogoAction, updateRetentionAction, updateSettingsAction, updateTranscriptionAction, uploadLogoAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.settings.title };
}

export default async function SettingsPage() {
  await requirePermission("settings.manage");
  const db = await getDb();
  const [{ t, locale }, settings, retention, lastPurge, speech] = await Promise.all([getMessages(), getRequestSettings(), getRetentionSettings(db), getLastPurge(db), speechToText()]);
  // Without the AI binding, nothing here mentions transcription (lib/voice/).
  const transcription = speech ? { enabled: await isTranscriptionOn(db) } : null;
  const s = t.admin.settings;
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title={s.title} intro={s.intro} />
      <CardSection id="general" title={s.general}>
        <SettingsForm
          action={updateSettingsAction}
          values={settings}
          timeZones={Intl.supportedValuesOf("timeZone")}
          languageOptions={[
            { value: "fr", label: t.profile.languages.fr },
            { value: "en", label: t.profile.languages.en },
          ]}
          labels={s}
        />
      </CardSection>
      <CardSection id="logo" title={s.logo.heading}>
        <LogoForm
          upload={uploadLogoAction}
          remove={removeLogoAction}
          current={settings.logoKey ? `/logo?v=${encodeURIComponent(settings.logoKey)}` : undefined}
          labels={{ ...s.logo, confirmLabel: t.admin.confirm.confirm, cancelLabel: t.admin.confirm.cancel }}
        />
      </CardSection>
      <CardSection id="board-columns" title={t.columns.title}>
        <p className="text-sm text-slate-600">{t.columns.settingsHelp}</p>
        <Link href="/admin/settings/columns" className="btn-secondary w-full sm:w-auto">
          {t.columns.manage}
        </Link>
      </CardSection>
      <CardSection id="retention" title={s.retention.heading}>
        <p className="mb-4 text-sm text-slate-600">{s.retention.help}</p>
        <RetentionForm action={updateRetentionAction} values={retention} labels={{ ...s, ...s.retention }} />
        <p className="mt-4 text-sm text-slate-600">
          {lastPurge
            ? format(s.retention.lastPurge, { when: formatDateTime(lastPurge.at, locale, settings.timeZone), count: lastPurge.count }, locale)
            : s.retention.noPurge}
        </p>
      </CardSection>
      {transcription && (
        <CardSection id="voice" title={t.voice.settings.heading}>
          <TranscriptionForm action={updateTranscriptionAction} enabled={transcription.enabled} labels={t.voice.settings} />
        </CardSection>
      )}
    </div>
  );
}
