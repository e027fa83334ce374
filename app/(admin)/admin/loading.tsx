import { getMessages } from "@/lib/i18n/server";

export default async function AdminLoading() {
  const { t } = await getMessages();
  return (
    <p className="flex items-center gap-2 py-10 text-slate-600">
      <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700" />
      {t.admin.loading}
    </p>
  );
}
