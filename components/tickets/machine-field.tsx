"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { fetchRead } from "@/components/messages/fetch-read";
import { Field } from "@/components/ui/fields";
import type { OpenTicketsView } from "@/lib/tickets/open-on-machine";

interface MachineFieldProps {
  machines: { id: number; label: string }[];
  machineId?: number;
  /** Said under the field: the machine the address named does not exist (a label of a removed machine). */
  notice?: string;
  labels: { machine: string; chooseMachine: string; openTickets: string; openTicketsHelp: string; noOpenTickets: string; offline: string; failed: string };
}

/** A machine's open tickets as read for it; `view` null when they could not be read. */
interface Shown {
  machine: string;
  view: OpenTicketsView | null;
  offline: boolean;
}

/**
 * The report form's machine, and under it that machine's open tickets, so that a
 * problem already reported is not reported twice. They are read when a machine is
 * chosen (GET /tickets/read/open, lib/tickets/open-on-machine.ts), with the
 * reader's rights: the page itself carries nobody's tickets. Without a network
 * the form still works and says the list cannot be shown; it is read again when
 * the network returns.
 */
export function MachineField({ machines, machineId, notice, labels }: MachineFieldProps) {
  const [selected, setSelected] = useState(machineId && machines.some((m) => m.id === machineId) ? String(machineId) : "");
  const [shown, setShown] = useState<Shown | null>(null);
  const [attempt, setAttempt] = useState(0);
  const select = useRef<HTMLSelectElement>(null);
  const current = selected && shown?.machine === selected ? shown : null;
  const failed = current?.view === null;

  useEffect(() => {
    if (!selected) return;
    let gone = false;
    const show = (view: OpenTicketsView | null) => !gone && setShown({ machine: selected, view, offline: !navigator.onLine });
    fetchRead<OpenTicketsView>("/tickets/read/open", { machine: selected }).then(show, () => show(null));
    return () => {
      gone = true;
    };
  }, [selected, attempt]);

  // A reset form (a report kept offline) shows no machine: nor does its list.
  useEffect(() => {
    const form = select.current?.form;
    const clear = () => setSelected("");
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, []);

  useEffect(() => {
    if (!failed) return;
    const again = () => setAttempt((n) => n + 1);
    window.addEventListener("online", again);
    return () => window.removeEventListener("online", again);
  }, [failed]);

  const view = current?.view;
  const listed = view && (view.tickets.length > 0 || view.others);
  return (
    <div className="space-y-2">
      <Field name="machineId" label={labels.machine} extra={notice && !selected ? { id: "field-machineId-notice", node: <Notice id="field-machineId-notice" text={notice} /> } : null}>
        {(control) => (
          <select {...control} ref={select} value={selected} onChange={(event) => setSelected(event.target.value)} required className="field">
            <option value="">{labels.chooseMachine}</option>
            {machines.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* Polite live region: a screen reader hears the list change with the machine. */}
      <div aria-live="polite">
        {failed && <p className="text-sm text-slate-700">{current.offline ? labels.offline : labels.failed}</p>}
        {view && !listed && <p className="text-sm text-slate-600">{labels.noOpenTickets}</p>}
        {view && listed && (
          <section aria-labelledby="open-tickets" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
            <h2 id="open-tickets" className="font-medium text-slate-900">{labels.openTickets}</h2>
            {view.tickets.length > 0 && (
              <>
                <p className="text-slate-700">{labels.openTicketsHelp}</p>
                <ul className="mt-2 space-y-1">
                  {view.tickets.map((ticket) => (
                    <li key={ticket.ticketId} className="flex flex-wrap items-baseline gap-x-2">
                      <Link href={ticket.href} className="font-medium break-words underline">{ticket.title}</Link>
                      <span className="text-slate-600">{ticket.status}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {view.more && <p className="mt-1 text-slate-600">{view.more}</p>}
            {view.others && <p className="mt-1 text-slate-700">{view.others}</p>}
          </section>
        )}
      </div>
    </div>
  );
}

function Notice({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {text}
    </p>
  );
}
