import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryDetail } from "@/components/notifications/delivery-detail";
import { requirePermission } from "@/lib/request";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/request";
import { getRequestSettings } from "@/lib/request";
import { getDelivery } from "@/lib/webhooks/queries";

export async function generateMetadata({ params }: PageProps<"/admin/notifications/[id]">): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: format(t.notifications.detail.title, { id: (await params).id }) };
}

export default async function DeliveryPage({ params }: PageProps<"/admin/notifications/[id]">) {
  await requirePermission("notifications.manage");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [delivery, { t, locale }, settings] = await Promise.all([
    getDelivery(await getDb(), id),
    getMessages(),
    getRequestSettings(),
  ]);
  if (!delivery) notFound();
  return (
    <div className="space-y-6">
      <Link href="/admin/notifications#log" className="text-sm font-medium text-slate-700 underline">
        ← {t.notifications.detail.back}
      </Link>
      <DeliveryDetail delivery={delivery} t={t} locale={locale} timeZone={settings.timeZone} />
    </div>
  );
}
