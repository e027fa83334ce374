import { createPlanAction, updatePlanAction } from "@/app/(app)/machines/actions";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/fields";
import type { Messages } from "@/lib/i18n";
import { MAX_LEAD_DAYS, MAX_INTERVAL, type PlanFormDates, type PlanSummary } from "@/lib/plans/model";
import { recurrences } from "@/lib/plans/recurrence";
import { assigneeChoice, TEAM_CHOICE, ticketPriorities } from "@/lib/tickets/model";

interface PlanFormProps {
  machineId: number;
  /** Absent: a new plan. */
  plan?: PlanSummary;
  people: { id: number; name: string }[];
  /** Today on the factory's calendar, the last day a first due date may take, and what a new plan proposes. */
  dates: PlanFormDates;
  t: Messages;
}

/** Create or edit a plan: the same fields, the same server checks (lib/plans/operations.ts). */
export function PlanForm({ machineId, plan, people, dates, t }: PlanFormProps) {
  const f = t.plans.form;
  const key = plan ? `plan-${plan.id}` : "plan-new";
  const assignee = plan ? assigneeChoice(plan.assignedTo) : TEAM_CHOICE;
  return (
    <ActionForm
      action={plan ? updatePlanAction : createPlanAction}
      className="space-y-3"
      successMessage={plan ? f.saved : f.created}
      resetOnSuccess={!plan}
      aria-label={plan ? `${t.plans.section.edit} : ${plan.title}` : t.plans.section.add}
    >
      {plan ? <input type="hidden" name="id" value={plan.id} /> : <input type="hidden" name="machineId" value={machineId} />}
      <TextField id={`${key}-title`} name="title" label={f.title} defaultValue={plan?.title} required maxLength={120} />
      <TextAreaField
        id={`${key}-steps`}
        name="steps"
        label={f.steps}
        help={f.stepsHelp}
        defaultValue={plan?.steps.join("\n")}
        rows={5}
        required
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id={`${key}-assignee`}
          name="assignee"
          label={f.assignee}
          defaultValue={assignee}
          options={[{ value: TEAM_CHOICE, label: f.team }, ...people.map((p) => ({ value: String(p.id), label: p.name }))]}
        />
        <SelectField
          id={`${key}-priority`}
          name="priority"
          label={f.priority}
          defaultValue={plan?.priority ?? "medium"}
          options={ticketPriorities.map((p) => ({ value: p, label: t.priority[p] }))}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id={`${key}-recurrence`}
          name="recurrence"
          label={f.recurrence}
          defaultValue={plan?.recurrence ?? "weeks"}
          options={recurrences.map((r) => ({ value: r, label: f.recurrenceOptions[r] }))}
        />
        <TextField id={`${key}-interval`} name="interval" label={f.interval} type="number" inputMode="numeric" step={1} max={MAX_INTERVAL} defaultValue={plan?.interval ?? 1} required />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {/* A running plan's first due date may lie in the past: only a new one starts from today (lib/plans/model.ts, checkPlanStart). */}
        <TextField
          id={`${key}-startDate`}
          name="startDate"
          label={f.startDate}
          type="date"
          min={plan ? undefined : dates.today}
          max={dates.max}
          defaultValue={plan?.startDate ?? dates.proposed.startDate}
          required
        />
        <TextField id={`${key}-timeOfDay`} name="timeOfDay" label={f.timeOfDay} type="time" defaultValue={plan?.timeOfDay ?? dates.proposed.timeOfDay} required />
        <TextField
          id={`${key}-leadDays`}
          name="leadDays"
          label={f.leadDays}
          help={f.leadDaysHelp}
          type="number"
          inputMode="numeric"
          step={1}
          max={MAX_LEAD_DAYS}
          defaultValue={plan?.leadDays ?? 0}
        />
      </div>
      <SubmitButton pendingLabel={plan ? f.saving : f.creating}>{plan ? f.save : f.create}</SubmitButton>
    </ActionForm>
  );
}
