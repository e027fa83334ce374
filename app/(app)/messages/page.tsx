import type { Metadata } from "next";
import Link from "next/link";
import { ConversationList } from "@/components/messages/conversation-list";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { listConversations } from "@/lib/messages/queries";
import { can, isGuest } from "@/lib/permissions";
import { getLocale, getMessages, getRequestSettings, requireUser } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await getLocale()).messages.list.title };
}

/** The team channel, private conversations and groups; a guest's list is their groups alone. */
export default async function MessagesPage() {
  const user = await requireUser({ guests: true });
  const [{ locale, t }, settings, conversations] = await Promise.all([getMessages(), getRequestSettings(), listConversations(await getDb(), user.id)]);
  const guest = isGuest(user);
  return (
    <div className="space-y-4">
      <PageHeader title={t.messages.list.title}>
        {!guest && (
          <div className="flex flex-wrap gap-2">
            {can(user, "group.manage") && (
              <Link href="/messages/new/group" className="btn-secondary">{t.messages.list.newGroup}</Link>
            )}
            <Link href="/messages/new" className="btn-primary">{t.messages.list.newMessage}</Link>
          </div>
        )}
      </PageHeader>
      <ConversationList
        conversations={conversations}
        empty={t.messages.list.noGroups}
        locale={locale}
        timeZone={settings.timeZone}
        t={t.messages.list}
        events={t.messages.events}
        unreadLabel={t.messages.unread}
        onlineLabel={t.messages.online}
      />
      {!guest && conversations.length === 1 && <p className="text-sm text-slate-600">{t.messages.list.noPrivate}</p>}
    </div>
  );
}
