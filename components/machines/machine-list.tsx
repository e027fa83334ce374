import Link from "next/link";
import { TextField } from "@/components/ui/fields";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { machineLabel } from "@/lib/machines/model";
import { type listMachines } from "@/lib/machines/queries";
import { DownBadge } from "./down-badge";
import { MachineStatusBadge } from "./machine-status-badge";

interface MachineListProps {
  machines: Awaited<ReturnType<typeof listMachines>>;
  search: string;
  t: Messages;
  locale: Locale;
  timeZone: string;
  /** Admins tick machines to print their QR labels. */
  selectable?: boolean;
}

const LABEL_FORM = "label-selection";

export function MachineList({ machines, search, t, locale, timeZone, selectable = false }: MachineListProps) {
  const l = t.machines.list;
  return (
    <>
      <form method="get" role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <TextField id="machine-search" name="q" type="search" label={l.search} defaultValue={search} placeholder={l.searchPlaceholder} />
        </div>
        <button type="submit" className="btn-primary">{l.submit}</button>
      </form>
      {machines.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">{search ? l.empty : l.none}</p>
      ) : (
        <>
        {selectable && (
          <form id={LABEL_FORM} method="get" action="/machines/labels" className="mb-2 flex justify-end">
            <button type="submit" className="btn-secondary">{t.labels.printSelection}</button>
          </form>
        )}
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="machine-list">
          {machines.map((machine) => (
            <li key={machine.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:gap-4">
              <div className="flex min-w-0 flex-1 items-start gap-3">
              {selectable && (
                <input
                  type="checkbox"
                  form={LABEL_FORM}
                  name="machine"
                  value={machine.id}
                  aria-label={format(t.labels.select, { machine: machineLabel(machine) })}
                  className="mt-1 h-5 w-5 shrink-0 accent-slate-900"
                />
              )}
              <div className="min-w-0 flex-1">
                <Link href={`/machines/${machine.id}`} className="font-medium hover:underline">{machineLabel(machine)}</Link>
                <p className="truncate text-sm text-slate-600">{[machine.serialNumber, machine.location].filter(Boolean).join(" · ")}</p>
              </div>
              </div>
              <div className="flex flex-wrap items-center gap-3">
                <DownBadge downSince={machine.downSince} locale={locale} timeZone={timeZone} t={t} />
                <MachineStatusBadge status={machine.status} t={t} />
                <span className="text-sm text-slate-600">{format(l.openTickets, { count: machine.openTickets }, locale)}</span>
              </div>
            </li>
          ))}
        </ul>
        </>
      )}
    </>
  );
}
