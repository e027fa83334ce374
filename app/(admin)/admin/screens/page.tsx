import type { Metadata } from "next";
import { BroadcastForm } from "@/components/tv/broadcast-form";
import { BroadcastList } from "@/components/tv/broadcast-list";
import { ScreenLinkForm } from "@/components/tv/screen-link-form";
import { ScreenLinkList } from "@/components/tv/screen-link-list";
import { CardSection } from "@/components/ui/card-section";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/permissions";
import { getMessages, getRequestSettings, requirePermission } from "@/lib/request";
import { listBroadcasts, MAX_BROADCAST_TEXT, wallTimeValue } from "@/lib/tv/broadcasts";
import { listScreenLinks } from "@/lib/tv/links";
import { createBroadcastAction, createScreenLinkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.tv.admin.title };
}

const DAY_MS = 24 * 3_600_000;

/** What the shop's screens show: the leads' broadcasts, and (admins) the screens' links. */
export default async function ScreensPage() {
  const user = await requirePermission("broadcast.manage");
  const db = await getDb();
  const now = new Date();
  const manageLinks = can(user, "screen.manage");
  const [{ t, locale }, { timeZone }, broadcasts, links] = await Promise.all([
    getMessages(),
    getRequestSettings(),
    listBroadcasts(db, now),
    manageLinks ? listScreenLinks(db) : Promise.resolve([]),
  ]);
  const b = t.tv.admin.broadcasts;
  const languages = [
    { value: "fr", label: t.profile.languages.fr },
    { value: "en", label: t.profile.languages.en },
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t.tv.admin.title} intro={t.tv.admin.intro} />
      <CardSection id="broadcasts" title={b.heading}>
        <p className="text-sm text-slate-600">{b.help}</p>
        <BroadcastList broadcasts={broadcasts.current} now={now} locale={locale} timeZone={timeZone} t={t} />
        <section aria-labelledby="broadcast-new-heading" className="space-y-3 border-t border-slate-200 pt-4">
          <h3 id="broadcast-new-heading" className="font-semibold">{b.newHeading}</h3>
          <BroadcastForm
            action={createBroadcastAction}
            defaults={{ startsAt: wallTimeValue(now, timeZone), endsAt: wallTimeValue(new Date(now.getTime() + DAY_MS), timeZone) }}
            timeZone={timeZone}
            maxText={MAX_BROADCAST_TEXT}
            labels={{ ...b, urgencies: t.tv.urgencies, counter: t.common.counter, overLimit: t.common.overLimit, removeFile: t.common.removeFile }}
          />
        </section>
        {broadcasts.ended.length > 0 && (
          <section aria-labelledby="broadcast-ended-heading" className="space-y-3 border-t border-slate-200 pt-4">
            <h3 id="broadcast-ended-heading" className="font-semibold">{b.ended}</h3>
            <BroadcastList broadcasts={broadcasts.ended} now={now} locale={locale} timeZone={timeZone} t={t} ended />
          </section>
        )}
      </CardSection>
      {manageLinks && (
        <CardSection id="screen-links" title={t.tv.admin.links.heading}>
          <p className="text-sm text-slate-600">{t.tv.admin.links.help}</p>
          <ScreenLinkList links={links} languages={languages} locale={locale} timeZone={timeZone} t={t} />
          <section aria-labelledby="screen-new-heading" className="space-y-3 border-t border-slate-200 pt-4">
            <h3 id="screen-new-heading" className="font-semibold">{t.tv.admin.links.newHeading}</h3>
            <ScreenLinkForm create={createScreenLinkAction} languages={languages} labels={{ ...t.tv.admin.links }} />
          </section>
        </CardSection>
      )}
    </div>
  );
}
