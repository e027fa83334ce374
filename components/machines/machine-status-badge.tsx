import type { Messages } from "@/lib/i18n";

const styles: Record<string, string> = {
  operational: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  maintenance: "bg-amber-50 text-amber-900 ring-amber-400",
  out_of_service: "bg-slate-800 text-white ring-slate-800",
};

export function MachineStatusBadge({ status, t }: { status: string; t: Messages }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium ring-1 ${styles[status] ?? styles.operational}`}>
      {t.machines.status[status as keyof Messages["machines"]["status"]] ?? status}
    </span>
  );
}
