import { deleteMachineAction, setMachineStatusAction } from "@/app/(app)/machines/actions";
import { ActionButton } from "@/components/ui/action-button";
import type { Messages } from "@/lib/i18n";
import type { MachineSummary } from "@/lib/machines/model";
import { MachineForm } from "./machine-form";

/** Admins only: edit, put out of service, delete (refused with an explanation when tickets exist). */
export function MachineAdmin({ machine, t }: { machine: MachineSummary; t: Messages }) {
  const p = t.machines.page;
  return (
    <section aria-labelledby="machine-admin-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="machine-admin-title" className="text-lg font-semibold">{p.edit}</h2>
      <MachineForm machine={machine} t={t} />
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
        {machine.status !== "out_of_service" && (
          <ActionButton
            action={setMachineStatusAction.bind(null, { id: machine.id, status: "out_of_service" })}
            label={p.markOutOfService}
            confirm={{ question: p.outOfServiceConfirm, confirmLabel: p.markOutOfService, cancelLabel: t.tickets.confirm.no, danger: true }}
            className="btn-secondary text-red-700"
          />
        )}
        <ActionButton
          action={deleteMachineAction.bind(null, { id: machine.id })}
          label={p.delete}
          confirm={{ question: p.deleteConfirm, confirmLabel: t.tickets.confirm.yes, cancelLabel: t.tickets.confirm.no, danger: true }}
          className="btn-secondary text-red-700"
        />
      </div>
    </section>
  );
}
