import type { Metadata } from "next";
import Link from "next/link";
import { ConversationList } from "@/components/messages/conversation-list";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { listConversations } from "@/lib/messages/queries";
import { getLocale, getMessages, getRequestSettings, requireUser } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await getLocale()).messages.list.title };
}

export default async function MessagesPage() {
  const user = await requireUser();
  const [{ locale, t }, settings, conversations] = await Promise.all([getMessages(), getRequestSettings(), listConversations(await getDb(), user.id)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t.messages.list.title}>
        <Link href="/messages/new" className="btn-primary">{t.messages.list.newMessage}</Link>
      </PageHeader>
      <ConversationList conversations={conversations} locale={locale} timeZone={settings.timeZone} t={t.messages.list} unreadLabel={t.messages.unread} onlineLabel={t.messages.online} />
      {conversations.length === 1 && <p className="text-sm text-slate-600">{t.messages.list.noPrivate}</p>}
    </div>
  );
}
