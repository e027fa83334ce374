import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddMembersForm, LeaveGroupButton, RenameGroupForm } from "@/components/messages/group-manage";
import { GroupMembers } from "@/components/messages/group-members";
import { personDetail } from "@/components/messages/group-words";
import { CardSection } from "@/components/ui/card-section";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { getConversationHeader, listGroupCandidates } from "@/lib/messages/queries";
import { can } from "@/lib/permissions";
import { getLocale, getMessages, requireUser } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await getLocale()).messages.membersPage.title };
}

/** A group's members, for its members (a guest too); leads in it add, remove and rename; anyone leaves. Else a 404. */
export default async function GroupMembersPage({ params }: PageProps<"/messages/[conversation]/members">) {
  const user = await requireUser({ guests: true });
  const key = decodeURIComponent((await params).conversation);
  const db = await getDb();
  const group = (await getConversationHeader(db, user, key))?.group;
  if (!group) notFound();
  const canManage = can(user, "group.manage");
  const [{ locale, t }, candidates] = await Promise.all([getMessages(), canManage ? listGroupCandidates(db, group.id, user.id) : []]);
  const p = t.messages.membersPage;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Link href={`/messages/${key}`} className="text-sm text-slate-600 underline">← {p.back}</Link>
      <PageHeader title={p.title} intro={group.name} />
      <GroupMembers conversationKey={key} group={group} userId={user.id} canManage={canManage} t={t.messages} confirmLabels={{ cancelLabel: t.common.cancel }} />
      {canManage ? (
        <>
          <CardSection id="add" title={p.addTitle}>
            <AddMembersForm groupId={group.id} people={candidates.map((person) => ({ id: person.id, name: person.name, detail: personDetail(person, t) }))} locale={locale} t={t.messages} />
          </CardSection>
          <CardSection id="rename" title={p.renameTitle}>
            <RenameGroupForm groupId={group.id} name={group.name} t={t.messages} />
          </CardSection>
        </>
      ) : (
        <p className="text-sm text-slate-600">{p.manageNote}</p>
      )}
      <CardSection id="leave" title={p.leaveTitle}>
        <p className="text-slate-700">{p.leaveHelp}</p>
        <LeaveGroupButton groupId={group.id} name={group.name} t={t.messages} cancelLabel={t.common.cancel} />
      </CardSection>
    </div>
  );
}
