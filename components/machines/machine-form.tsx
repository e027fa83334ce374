import { createMachineAction, updateMachineAction } from "@/app/(app)/machines/actions";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { SelectField, TextField } from "@/components/ui/fields";
import type { Messages } from "@/lib/i18n";
import { machineStatuses, type MachineSummary } from "@/lib/machines/model";

/** Create (no machine) or edit (a machine): the same fields, the same server checks. */
export function MachineForm({ machine, t }: { machine?: MachineSummary; t: Messages }) {
  const fields = t.machines.fields;
  const p = t.machines.page;
  return (
    <ActionForm
      action={machine ? updateMachineAction : createMachineAction}
      className="space-y-3"
      successMessage={machine ? p.saved : undefined}
      aria-label={machine ? p.edit : p.newTitle}
    >
      {machine && <input type="hidden" name="id" value={machine.id} />}
      <TextField name="machineType" label={fields.machineType} defaultValue={machine?.machineType} required maxLength={80} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="model" label={fields.model} defaultValue={machine?.model ?? ""} maxLength={80} />
        <TextField name="serialNumber" label={fields.serialNumber} defaultValue={machine?.serialNumber ?? ""} maxLength={60} />
      </div>
      <TextField name="location" label={fields.location} defaultValue={machine?.location ?? ""} maxLength={120} />
      <SelectField
        name="status"
        label={fields.status}
        defaultValue={machine?.status ?? "operational"}
        options={machineStatuses.map((s) => ({ value: s, label: t.machines.status[s] }))}
      />
      <SubmitButton pendingLabel={machine ? p.saving : p.creating}>{machine ? p.save : p.create}</SubmitButton>
    </ActionForm>
  );
}
