import type { Metadata } from "next";
import { LogoForm } from "@/components/admin/logo-form";
import { SettingsForm } from "@/components/admin/settings-form";
import { getMessages } from "@/lib/i18n/server";
import { getRequestSettings } from "@/lib/request-settings";
import { requirePermission } from "@/lib/session";
import { removeLogoAction, updateSettingsAction, uploadLogoAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.settings.title };
}

export default async function SettingsPage() {
  await requirePermission("settings.manage");
  const [{ t }, settings] = await Promise.all([getMessages(), getRequestSettings()]);
  const s = t.admin.settings;
  const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6";
  return (
    <div className="max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{s.title}</h1>
        <p className="text-slate-600">{s.intro}</p>
      </div>
      <section className={card} aria-labelledby="general-heading">
        <h2 id="general-heading" className="text-lg font-semibold">{s.general}</h2>
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
      </section>
      <section className={card} aria-labelledby="logo-heading">
        <h2 id="logo-heading" className="text-lg font-semibold">{s.logo.heading}</h2>
        <LogoForm
          upload={uploadLogoAction}
          remove={removeLogoAction}
          current={settings.logoKey ? `/logo?v=${encodeURIComponent(settings.logoKey)}` : undefined}
          labels={{ ...s.logo, confirmLabel: t.admin.confirm.confirm, cancelLabel: t.admin.confirm.cancel }}
        />
      </section>
    </div>
  );
}
