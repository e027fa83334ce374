"use client";

import Link from "next/link";
import { useState } from "react";
import { SelectField } from "@/components/ui/fields";

export interface OpenTicketHint {
  ticketId: string;
  title: string;
  status: string;
  /** Only for tickets the reader may open; others show their title and status alone. */
  href?: string;
}

export interface MachineOpenTickets {
  tickets: OpenTicketHint[];
  /** "and 3 more open tickets", when the list is cut. */
  more?: string;
}

interface MachineFieldProps {
  machines: { id: number; label: string }[];
  machineId?: number;
  /** By machine id; a machine without open tickets is absent. */
  openTickets: Record<number, MachineOpenTickets>;
  labels: { machine: string; chooseMachine: string; openTickets: string; openTicketsHelp: string; noOpenTickets: string };
  statusLabels: Record<string, string>;
}

/**
 * The report form's machine, and under it that machine's open tickets, so that a
 * problem already reported is not reported twice. Everything is in the page: no
 * request, no waiting, when the choice changes.
 */
export function MachineField({ machines, machineId, openTickets, labels, statusLabels }: MachineFieldProps) {
  const [selected, setSelected] = useState(machineId ? String(machineId) : "");
  const open = selected ? openTickets[Number(selected)] : undefined;
  return (
    <div className="space-y-2">
      <SelectField
        name="machineId"
        label={labels.machine}
        placeholder={labels.chooseMachine}
        value={selected}
        onChange={(event) => setSelected(event.target.value)}
        options={machines.map((m) => ({ value: String(m.id), label: m.label }))}
        required
      />
      {/* Polite live region: a screen reader hears the list change with the machine. */}
      <div aria-live="polite">
        {selected &&
          (open ? (
            <section aria-labelledby="open-tickets" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
              <h2 id="open-tickets" className="font-medium text-slate-900">{labels.openTickets}</h2>
              <p className="text-slate-700">{labels.openTicketsHelp}</p>
              <ul className="mt-2 space-y-1">
                {open.tickets.map((ticket) => (
                  <li key={ticket.ticketId} className="flex flex-wrap items-baseline gap-x-2">
                    {ticket.href ? (
                      <Link href={ticket.href} className="font-medium break-words underline">{ticket.title}</Link>
                    ) : (
                      <span className="font-medium break-words">{ticket.title}</span>
                    )}
                    <span className="text-slate-600">{statusLabels[ticket.status] ?? ticket.status}</span>
                  </li>
                ))}
              </ul>
              {open.more && <p className="mt-1 text-slate-600">{open.more}</p>}
            </section>
          ) : (
            <p className="text-sm text-slate-600">{labels.noOpenTickets}</p>
          ))}
      </div>
    </div>
  );
}
