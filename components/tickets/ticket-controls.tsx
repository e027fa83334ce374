import {
  assignTicketAction,
  deleteTicketAction,
  editTicketAction,
  changeTicketStatusAction,
  scheduleTicketAction,
  setTicketPriorityAction,
  takeTicketAction,
} from "@/app/(app)/tickets/actions";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/fields";
import { utcToWallTime } from "@/lib/factory-time";
import { format, type Messages } from "@/lib/i18n";
import type { Actor } from "@/lib/operation";
import { can, canEditTicketText } from "@/lib/permissions";
import type { TicketDetails } from "@/lib/tickets/queries";
import { TEAM_ASSIGNEE, ticketPriorities, ticketStatuses } from "@/lib/tickets/model";

interface TicketControlsProps {
  details: TicketDetails;
  user: Actor;
  timeZone: string;
  t: Messages;
}

const box = "space-y-3 rounded-lg border border-slate-200 bg-white p-4";

/** Only the controls this user's role allows; the server checks again on every submit. */
export function TicketControls({ details, user, timeZone, t }: TicketControlsProps) {
  const { ticket, assignable } = details;
  const p = t.tickets.page;
  const f = t.tickets.form;
  const id = <input type="hidden" name="id" value={ticket.id} />;
  const wall = ticket.scheduledDate ? utcToWallTime(ticket.scheduledDate, timeZone) : { date: "", time: "08:00" };
  const allowed = can(user, "ticket.move") || can(user, "ticket.take") || can(user, "ticket.delete") || canEditTicketText(user, ticket);
  if (!allowed) return null;
  const currentAssignee = ticket.assignedTo === null ? "" : ticket.assignedTo === TEAM_ASSIGNEE ? "team" : String(ticket.assignedTo);

  return (
    <section aria-labelledby="actions-title" className="space-y-3">
      <h2 id="actions-title" className="text-lg font-semibold">{p.actions}</h2>
      {can(user, "ticket.move") && (
        <ActionForm action={changeTicketStatusAction} className={box} successMessage={p.saved} aria-label={p.changeStatus}>
          {id}
          <input type="hidden" name="from" value={ticket.status} />
          <SelectField name="to" label={p.changeStatus} defaultValue={ticket.status} options={ticketStatuses.map((s) => ({ value: s, label: t.status[s] }))} />
          <SubmitButton pendingLabel={f.saving}>{p.applyStatus}</SubmitButton>
        </ActionForm>
      )}
      {can(user, "ticket.take") && ticket.assignedTo !== user.id && (
        <ActionForm action={takeTicketAction} className={box} aria-label={p.take}>
          {id}
          <SubmitButton pendingLabel={f.saving} className="btn-primary w-full">{p.take}</SubmitButton>
        </ActionForm>
      )}
      {can(user, "ticket.assign") && (
        <ActionForm action={assignTicketAction} className={box} successMessage={p.saved} aria-label={p.assign}>
          {id}
          <SelectField
            name="assignee"
            label={p.assignTo}
            defaultValue={currentAssignee}
            options={[
              { value: "", label: t.tickets.card.unassigned },
              { value: "team", label: t.tickets.card.wholeTeam },
              ...assignable.map((a) => ({ value: String(a.id), label: a.name })),
            ]}
          />
          <SubmitButton pendingLabel={f.saving}>{p.assign}</SubmitButton>
        </ActionForm>
      )}
      {can(user, "ticket.schedule") && (
        <ActionForm action={scheduleTicketAction} className={box} successMessage={p.saved} aria-label={p.schedule}>
          {id}
          <div className="grid grid-cols-2 gap-3">
            <TextField name="date" type="date" label={p.scheduleDate} defaultValue={wall.date} />
            <TextField name="time" type="time" label={p.scheduleTime} defaultValue={wall.time} step={300} />
          </div>
          <p className="text-xs text-slate-600">{format(p.scheduleHelp, { timeZone })}</p>
          <SubmitButton pendingLabel={f.saving}>{p.schedule}</SubmitButton>
        </ActionForm>
      )}
      {can(user, "ticket.setPriority") && (
        <ActionForm action={setTicketPriorityAction} className={box} successMessage={p.saved} aria-label={p.setPriority}>
          {id}
          <SelectField name="priority" label={p.setPriority} defaultValue={ticket.priority} options={ticketPriorities.map((v) => ({ value: v, label: t.priority[v] }))} />
          <SubmitButton pendingLabel={f.saving}>{f.save}</SubmitButton>
        </ActionForm>
      )}
      {canEditTicketText(user, ticket) && (
        <details className={box}>
          <summary className="cursor-pointer font-medium">{p.edit}</summary>
          <ActionForm action={editTicketAction} className="mt-3 space-y-3" successMessage={p.saved} aria-label={p.edit}>
            {id}
            <input type="hidden" name="version" value={ticket.updatedAt.toISOString()} />
            <TextField name="title" label={f.title} defaultValue={ticket.title} required maxLength={120} />
            <TextAreaField name="description" label={f.description} defaultValue={ticket.description} maxLength={5000} />
            <SubmitButton pendingLabel={f.saving}>{f.save}</SubmitButton>
          </ActionForm>
        </details>
      )}
      {can(user, "ticket.delete") && (
        <ActionButton
          action={deleteTicketAction.bind(null, { id: ticket.id })}
          label={p.delete}
          confirm={{ question: p.deleteConfirm, confirmLabel: t.tickets.confirm.yes, cancelLabel: t.tickets.confirm.no, danger: true }}
          className="btn-secondary w-full text-red-700"
        />
      )}
    </section>
  );
}
