import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConversationView } from "@/components/messages/conversation-view";
import { GroupHeading } from "@/components/messages/group-heading";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { getConversationHeader, getHistory, withTicketRefs } from "@/lib/messages/queries";
import { columnNames, loadColumns } from "@/lib/tickets/columns";
import { transcriptLabels } from "@/lib/voice/model";
import { getLocale, getMessages, getRequestSettings, requireUser } from "@/lib/request";

// Phones: the keyboard shrinks the layout instead of covering it, so the sticky composer stays above it.
export const viewport: Viewport = { interactiveWidget: "resizes-content" };

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await getLocale()).messages.list.title };
}

/**
 * Another pair's conversation, a group one is not in (or no longer), is a 404 like
 * one that does not exist: nothing tells it is there. Guests open their groups'.
 */
export default async function ConversationPage({ params, searchParams }: PageProps<"/messages/[conversation]">) {
  const user = await requireUser({ guests: true });
  const key = decodeURIComponent((await params).conversation);
  const db = await getDb();
  // The history is read beside the check, and shown only once it has passed.
  const [header, history, { locale, t }, settings, columns] = await Promise.all([
    getConversationHeader(db, user, key),
    getHistory(db, key).then((page) => withTicketRefs(db, user, page)),
    getMessages(),
    getRequestSettings(),
    // The statuses of the tickets messages name, in the plant's words.
    loadColumns(db),
  ]);
  if (!header) notFound();
  // "Discuter dans l'équipe" on a ticket page: the composer starts with the ticket's id, which the message then links.
  const ticket = (await searchParams).ticket;
  const draft = typeof ticket === "string" && /^[A-Z0-9-]{1,40}$/.test(ticket) ? `${ticket} ` : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <Link href="/messages" className="text-sm text-slate-600 underline">← {t.messages.conversation.back}</Link>
      {header.group ? (
        <GroupHeading conversationKey={key} group={header.group} userId={user.id} locale={locale} t={t.messages.group} />
      ) : (
        <h1 className="text-2xl font-semibold break-words">{header.other?.name ?? t.messages.list.team}</h1>
      )}
      <ConversationView
        conversationKey={key}
        user={{ id: user.id, role: user.role, name: user.name }}
        initial={history}
        otherLastReadId={header.otherLastReadId}
        group={header.group}
        canWrite={header.other?.active ?? true}
        draft={draft}
        removeFile={t.common.removeFile}
        statusLabels={columnNames(columns, locale, t)}
        locale={locale}
        timeZone={settings.timeZone}
        t={t.messages}
        transcriptLabels={transcriptLabels(t)}
      />
    </div>
  );
}
