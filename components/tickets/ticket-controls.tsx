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
import { Sheet } from "@/components/ui/sheet";
import { OutboxForm } from "@/components/offline/outbox-form";
import { PendingItems } from "@/components/offline/pending-items";
import { AssigneeField } from "./assignee-field";
import { utcToWallTime } from "@/lib/factory-time";
import { format, type Locale, type Messages } from "@/lib/i18n";
import type { Actor } from "@/lib/operation";
import { can, canEditTicketText } from "@/lib/permissions";
import type { TicketDetails } from "@/lib/tickets/queries";
import { assigneeChoice, MAX_TICKET_TEXT, scheduleBounds, TEAM_CHOICE, ticketPriorities } from "@/lib/tickets/model";
import { columnName, liveColumns } from "@/lib/tickets/columns";

interface TicketControlsProps {
  details: TicketDetails;
  user: Actor;
  timeZone: string;
  t: Messages;
  locale: Locale;
  now: Date;
  /** The action bar already offers "Je m'en occupe": not twice on the page. */
  takeInBar?: boolean;
}

const box = "space-y-3 rounded-lg border border-slate-200 bg-white p-4";

/**
 * One block of actions: the four changes a technician makes all day (status,
 * assignee, schedule, priority) behind one "Modifier" sheet, the rest as buttons.
 * Only what this user's role allows; the server checks again on every submit.
 */
export function TicketControls({ details, user, timeZone, t, locale, now, takeInBar }: TicketControlsProps) {
  const { ticket } = details;
  const p = t.tickets.page;
  const f = t.tickets.form;
  const id = <input type="hidden" name="id" value={ticket.id} />;
  const changes = ["ticket.move", "ticket.assign", "ticket.schedule", "ticket.setPriority"] as const;
  const canChange = changes.some((permission) => can(user, permission));
  const canTake = can(user, "ticket.take") && ticket.assignedTo !== user.id && !takeInBar;
  const canEdit = canEditTicketText(user, ticket);
  if (!canChange && !canTake && !canEdit && !can(user, "ticket.delete")) return null;

  return (
    <section aria-labelledby="actions-title" className={box}>
      <h2 id="actions-title" className="text-lg font-semibold">{p.actions}</h2>
      {/* [offline] Status changes (a step of the action bar, a finish) this device still holds, or that came back refused. */}
      <PendingItems kind={["move", "finish"]} scope={ticket.id} />
      {canChange && (
        <div className="space-y-1">
          <Sheet label={p.modify} title={p.modifyTitle} closeLabel={t.common.close}>
            <TicketChanges details={details} user={user} timeZone={timeZone} t={t} locale={locale} now={now} />
          </Sheet>
          <p className="text-sm text-slate-600">{p.modifyHelp}</p>
        </div>
      )}
      {canTake && (
        <ActionForm action={takeTicketAction} aria-label={p.take}>
          {id}
          <SubmitButton pendingLabel={f.saving} className="btn-secondary w-full">{p.take}</SubmitButton>
        </ActionForm>
      )}
      {canEdit && (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">{p.edit}</summary>
          <ActionForm action={editTicketAction} className="mt-3 space-y-3" successMessage={p.saved} aria-label={p.edit}>
            {id}
            <input type="hidden" name="version" value={ticket.updatedAt.toISOString()} />
            <TextField name="title" label={f.title} defaultValue={ticket.title} required maxLength={120} />
            <TextAreaField
              name="description"
              label={f.description}
              defaultValue={ticket.description}
              limit={{ max: MAX_TICKET_TEXT, counter: t.common.counter, over: t.common.overLimit }}
            />
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

/** The sheet's forms: one per change, each saved on its own, each saying only its own latest result. */
function TicketChanges({ details, user, timeZone, t, locale, now }: TicketControlsProps) {
  const { ticket, assignable } = details;
  const p = t.tickets.page;
  const f = t.tickets.form;
  const id = <input type="hidden" name="id" value={ticket.id} />;
  const wall = ticket.scheduledDate ? utcToWallTime(ticket.scheduledDate, timeZone) : { date: "", time: "08:00" };
  const bounds = scheduleBounds(utcToWallTime(now, timeZone).date);
    return (
    <>
      {can(user, "ticket.move") && (
        // [offline] Kept on the device without a network; a conflict on its return is explained (components/offline/).
        <OutboxForm kind="move" action={changeTicketStatusAction} draft={`move:${ticket.id}`} scope={ticket.id} subject={ticket.ticketId} className={box} successMessage={p.saved} aria-label={p.changeStatus}>
          {id}
          <input type="hidden" name="from" value={ticket.status} />
          {/* The plant's columns in the board's order (the ticket's own is always one: a column that holds tickets is never deleted). */}
          <SelectField
            name="to"
            label={p.changeStatus}
            defaultValue={ticket.status}
            options={liveColumns(details.columns).map((column) => ({ value: column.key, label: columnName(column, locale, t) }))}
          />
          <SubmitButton pendingLabel={f.saving}>{p.applyStatus}</SubmitButton>
        </OutboxForm>
      )}
      {can(user, "ticket.assign") && (
        <ActionForm action={assignTicketAction} className={box} successMessage={p.saved} aria-label={p.assign}>
          {id}
          <AssigneeField
            name="assignee"
            label={p.assignTo}
            defaultValue={assigneeChoice(ticket.assignedTo)}
            options={[
              { value: "", label: t.tickets.card.unassigned },
              { value: TEAM_CHOICE, label: t.tickets.card.wholeTeam },
              ...assignable.map((a) => ({ value: String(a.id), label: a.name })),
            ]}
            people={assignable}
            words={{ onlineNow: p.onlineNow, chooseOnline: p.chooseOnline }}
          />
          <SubmitButton pendingLabel={f.saving}>{p.assign}</SubmitButton>
        </ActionForm>
      )}
      {can(user, "ticket.schedule") && (
        <ActionForm action={scheduleTicketAction} className={box} successMessage={p.saved} aria-label={p.schedule}>
          {id}
          {/* Side by side only where both fit whole: a phone's date field would cut its own placeholder. */}
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="date" type="date" label={p.scheduleDate} defaultValue={wall.date} min={bounds.min} max={bounds.max} />
            <TextField name="time" type="time" label={p.scheduleTime} defaultValue={wall.time} step={300} />
          </div>
          <p className="text-sm text-slate-600">{format(p.scheduleHelp, { timeZone })}</p>
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
    </>
  );
}
