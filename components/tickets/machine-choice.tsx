"use client";

import { format } from "@/lib/i18n/format";

interface MachineChoiceProps {
  machines: { id: number; label: string; location: string | null; serialNumber: string | null }[];
  onChoose: (machine: { id: number; label: string }) => void;
  labels: { question: string; help: string; number: string };
}

/**
 * "Quelle machine ?": the machines a sentence fits as well as each other, one big
 * button each, under its name what tells two of the same kind apart: its place,
 * else its serial number, else its number. The form never picks one for the person.
 */
export function MachineChoice({ machines, onChoose, labels }: MachineChoiceProps) {
  return (
    <div role="group" aria-labelledby="which-machine" aria-describedby="which-machine-help" className="rounded-md border border-amber-300 bg-white p-3">
      <p id="which-machine" className="font-semibold text-slate-900">{labels.question}</p>
      <p id="which-machine-help" className="text-sm text-slate-700">{labels.help}</p>
      <ul className="mt-2 space-y-2">
        {machines.map((machine) => (
          <li key={machine.id}>
            <button type="button" onClick={() => onChoose(machine)} className="btn-secondary min-h-12 w-full flex-col items-start text-left">
              <span>{machine.label}</span>{" "}
              <span className="text-sm font-normal text-slate-600">{machine.location || machine.serialNumber || format(labels.number, { id: machine.id })}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
