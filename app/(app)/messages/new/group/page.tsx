import type { Metadata } from "next";
import Link from "next/link";
import { GroupForm } from "@/components/messages/group-form";
import { personDetail } from "@/components/messages/group-words";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { listGroupCandidates } from "@/lib/messages/queries";
import { getLocale, getMessages, requirePermission } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await getLocale()).messages.groupForm.title };
}

/** "Nouveau groupe" (leads): a name and the people in it; the creator is one of them. */
export default async function NewGroupPage() {
  const user = await requirePermission("group.manage");
  const [{ locale, t }, candidates] = await Promise.all([getMessages(), listGroupCandidates(await getDb(), null, user.id)]);
  const f = t.messages.groupForm;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Link href="/messages" className="text-sm text-slate-600 underline">← {t.messages.conversation.back}</Link>
      <PageHeader title={f.title} intro={f.intro} />
      <GroupForm people={candidates.map((person) => ({ id: person.id, name: person.name, detail: personDetail(person, t) }))} locale={locale} labels={f} />
    </div>
  );
}
