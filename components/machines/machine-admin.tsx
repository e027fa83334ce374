import { deleteMachineAction, setMachineStatusAction } from "@/app/(app)/machines/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
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
          <ConfirmAction
            action={setMachineStatusAction}
            input={{ id: machine.id, status: "out_of_service" }}
            label={p.markOutOfService}
            question={p.outOfServiceConfirm}
            confirmLabel={p.markOutOfService}
            cancelLabel={t.tickets.confirm.no}
          />
        )}
        <ConfirmAction
          action={deleteMachineAction}
          input={{ id: machine.id }}
          label={p.delete}
          question={p.deleteConfirm}
          confirmLabel={t.tickets.confirm.yes}
          cancelLabel={t.tickets.confirm.no}
        />
      </div>
    </section>
  );
}
