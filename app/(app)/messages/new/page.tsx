import type { Metadata } from "next";
import Link from "next/link";
import { PresenceDot } from "@/components/messages/presence-dot";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { privateKey } from "@/lib/messages/model";
import { listColleagues } from "@/lib/messages/queries";
import { getLocale, getMessages, requireUser } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await getLocale()).messages.picker.title };
}

/** "Nouveau message": active colleagues; choosing one opens (or starts) the private conversation. */
export default async function NewMessagePage() {
  const user = await requireUser();
  const [{ t }, colleagues] = await Promise.all([getMessages(), listColleagues(await getDb(), user.id)]);
  return (
    <div className="space-y-4">
      <Link href="/messages" className="text-sm text-slate-600 underline">← {t.messages.conversation.back}</Link>
      <PageHeader title={t.messages.picker.title} intro={t.messages.picker.intro} />
      {colleagues.length === 0 ? (
        <EmptyState>{t.messages.picker.empty}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
          {colleagues.map((c) => (
            <li key={c.id}>
              <Link href={`/messages/${privateKey(user.id, c.id)}`} className="flex min-h-12 items-center justify-between gap-3 px-3 py-2 hover:bg-slate-50">
                <span className="flex min-w-0 items-center gap-1.5">
                  <span className="font-medium">{c.name}</span>
                  <PresenceDot userId={c.id} label={t.messages.online} />
                </span>
                <span className="text-sm text-slate-600">{t.roles[c.role as keyof typeof t.roles] ?? c.role}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
