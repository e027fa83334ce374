import { clearMachineDownAction, markMachineDownAction } from "@/app/(app)/tickets/actions";
import { DownBadge } from "@/components/machines/down-badge";
import { ActionButton } from "@/components/ui/action-button";
import { format, type Locale, type Messages } from "@/lib/i18n";
import type { Actor } from "@/lib/operation";
import { can } from "@/lib/permissions";
import { isClosedStage } from "@/lib/tickets/columns";
import type { TicketDetails } from "@/lib/tickets/queries";

interface MachineDownProps {
  details: TicketDetails;
  /** The ticket that holds the machine down, when another one does (its code). */
  stoppedBy: string | null;
  user: Actor;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/**
 * Whether this ticket's machine is down, and (technicians and leads, open
 * tickets) the button to say it is, or that it runs again. Closing the ticket
 * ends the stop by itself (lib/tickets/downtime.ts).
 */
export function MachineDown({ details, stoppedBy, user, locale, timeZone, t }: MachineDownProps) {
  const { ticket } = details;
  const d = t.tickets.down;
  const open = !isClosedStage(ticket.stage);
  const mayChange = can(user, "ticket.markDown") && open;
  const thisOne = ticket.machine.downTicketId === ticket.id;
  const down = ticket.machine.downSince;
  if (!down && !mayChange) return null;
  return (
    <section aria-labelledby="machine-down-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="machine-down-panel">
      <h2 id="machine-down-title" className="text-lg font-semibold">{d.title}</h2>
      {down ? (
        <>
          <DownBadge downSince={down} locale={locale} timeZone={timeZone} t={t} />
          <p className="text-sm text-slate-700">{thisOne ? d.stoppedByThis : format(d.stoppedByOther, { ticket: stoppedBy ?? "—" })}</p>
        </>
      ) : (
        <p className="text-sm text-slate-700">{d.running}</p>
      )}
      {mayChange && !down && (
        <ActionButton
          action={markMachineDownAction.bind(null, { id: ticket.id })}
          label={d.mark}
          pendingLabel={d.marking}
          successMessage={d.marked}
          confirm={{ question: d.markConfirm, confirmLabel: d.markYes, cancelLabel: t.common.cancel, danger: true }}
          className="btn-secondary w-full text-red-800 sm:w-auto"
        />
      )}
      {mayChange && thisOne && (
        <ActionButton
          action={clearMachineDownAction.bind(null, { id: ticket.id })}
          label={d.clear}
          pendingLabel={d.marking}
          successMessage={d.cleared}
          confirm={{ question: d.clearConfirm, confirmLabel: d.clearYes, cancelLabel: t.common.cancel }}
          className="btn-secondary w-full sm:w-auto"
        />
      )}
    </section>
  );
}
