import type { Metadata } from "next";
import { PasswordForm } from "@/components/profile/password-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { getRequestSettings } from "@/lib/request-settings";
import { requireUser } from "@/lib/session";
import { changePasswordAction, updateProfileAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.profile.title };
}

export default async function ProfilePage() {
  const [user, { t }, settings] = await Promise.all([requireUser(), getMessages(), getRequestSettings()]);
  const p = t.profile;
  const languageOptions = [
    { value: "default", label: format(p.details.languageDefault, { language: p.languages[settings.defaultLocale] }) },
    { value: "fr", label: p.languages.fr },
    { value: "en", label: p.languages.en },
  ];
  return (
    <div className="max-w-xl space-y-8">
      <h1 className="text-2xl font-semibold">{p.title}</h1>
      <section aria-labelledby="details-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="details-heading" className="text-lg font-semibold">{p.details.heading}</h2>
        <ProfileForm
          action={updateProfileAction}
          name={user.name}
          email={user.email}
          locale={user.locale ?? "default"}
          languageOptions={languageOptions}
          labels={{ ...p.details }}
        />
      </section>
      <section aria-labelledby="password-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="password-heading" className="text-lg font-semibold">{p.password.heading}</h2>
        <PasswordForm action={changePasswordAction} labels={{ ...p.password }} />
      </section>
    </div>
  );
}
