"use client";

import { useEffect, useRef, useState } from "react";
import { fetchRead } from "@/components/messages/fetch-read";
import { DictationButton, type DictationLabels } from "@/components/ui/dictation-button";
import { TextAreaField } from "@/components/ui/fields";
import { format } from "@/lib/i18n/format";
import type { TicketPriority } from "@/lib/tickets/model";
import type { SentenceReportView } from "@/lib/tickets/sentence-report";
import { MachineChoice } from "./machine-choice";

/** The report form's fields a sentence fills. */
type Filled = "title" | "description" | "machineId" | "priority";

export interface SentenceFieldLabels {
  label: string;
  help: string;
  fill: string;
  filling: string;
  filled: string;
  filledFromMessage: string;
  noMachine: string;
  whichMachine: string;
  whichMachineHelp: string;
  machineNumber: string;
  chosen: string;
  kept: string;
  replace: string;
  empty: string;
  offline: string;
  failed: string;
  fields: Record<Filled, string>;
  priorities: Record<TicketPriority, string>;
  dictation: DictationLabels;
}

interface SentenceFieldProps {
  /** What the page already filled in (from ?texte= or a message): a new sentence may replace it. */
  initial?: { view: SentenceReportView; from: "sentence" | "message" };
  /** The machine the form opened with (a scanned label's): no need to ask when it is one of those that fit. */
  chosenMachine?: number;
  defaultValue?: string;
  /** The page's language for dictation: fr-CA or en-CA. */
  lang: string;
  /** The longest sentence read (MAX_SENTENCE), with the form's counter words. */
  limit: { max: number; counter: string; over: string };
  labels: SentenceFieldLabels;
}

/** A field's value the sentence proposes where the person had already put their own. */
interface Proposal {
  name: Filled;
  value: string;
  shown: string;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The machines to ask between: none when the form already holds one of them. */
const toAsk = (view: SentenceReportView | undefined, chosen: string) =>
  !view || view.machineId !== null || view.candidates.some((machine) => String(machine.id) === chosen) ? [] : view.candidates;

/** A long text proposed beside the person's own, as its start. */
const shorten = (text: string) => (text.length > 160 ? `${text.slice(0, 159).trimEnd()}…` : text);

const valuesOf = (view: SentenceReportView): [Filled, string][] => [
  ["title", view.title],
  ["description", view.description],
  ["priority", view.priority],
  ...(view.machineId === null ? [] : [["machineId", String(view.machineId)] as [Filled, string]]),
];

/**
 * "Décrivez le problème": one sentence, typed or dictated, fills the report form
 * on the server (GET /tickets/read/sentence, lib/tickets/sentence-report.ts): the
 * machine, the priority, the title and the description, all left editable. What
 * the person already put in a field is kept and the sentence's value offered
 * beside it; when several machines fit, the form asks which one.
 */
export function SentenceField({ initial, chosenMachine, defaultValue, lang, limit, labels }: SentenceFieldProps) {
  const region = useRef<HTMLDivElement>(null);
  /** What the sentence put in each field: still that value, the field is the sentence's to change again. */
  const filled = useRef(new Map<Filled, string>(initial ? valuesOf(initial.view) : []));
  /** Fields the person changed themselves (the priority's "Moyenne" is theirs once chosen). */
  const touched = useRef(new Set<string>());
  const [status, setStatus] = useState<string | null>(() => (initial ? summary(initial.view, initial.from) : null));
  const [candidates, setCandidates] = useState(() => toAsk(initial?.view, chosenMachine === undefined ? "" : String(chosenMachine)));
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [pending, setPending] = useState(false);

  function summary(view: SentenceReportView, from: "sentence" | "message") {
    const none = view.machineId === null && view.candidates.length === 0;
    return [from === "message" ? labels.filledFromMessage : labels.filled, none ? labels.noMachine : null].filter(Boolean).join(" ");
  }

  const form = () => region.current?.closest("form") ?? null;
  function control(name: string): Control | null {
    const element = form()?.elements.namedItem(name);
    return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement ? element : null;
  }

  useEffect(() => {
    const element = form();
    if (!element) return;
    const mark = (event: Event) => {
      const name = (event.target as Partial<Control> | null)?.name;
      if (event.isTrusted && name) touched.current.add(name);
    };
    // A reset form (a report kept offline) starts again: nothing filled, nothing asked.
    const reset = () => {
      filled.current.clear();
      touched.current.clear();
      setStatus(null);
      setCandidates([]);
      setProposals([]);
    };
    element.addEventListener("input", mark);
    element.addEventListener("change", mark);
    element.addEventListener("reset", reset);
    return () => {
      element.removeEventListener("input", mark);
      element.removeEventListener("change", mark);
      element.removeEventListener("reset", reset);
    };
  }, []);

  /** Sets a field as typing would, so that drafts, counters and the machine's open tickets follow. */
  function put(name: Filled, value: string) {
    const field = control(name);
    if (!field) return;
    field.value = value;
    filled.current.set(name, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  /** The person's own value: not the sentence's, and not the form's untouched default priority. */
  function persons(name: Filled, field: Control) {
    if (field.value === filled.current.get(name)) return false;
    return name === "priority" ? touched.current.has(name) : field.value.trim() !== "";
  }

  function apply(view: SentenceReportView) {
    const kept: Proposal[] = [];
    const machine = control("machineId");
    const machineName = (id: string) => (machine instanceof HTMLSelectElement ? Array.from(machine.options).find((o) => o.value === id)?.text : undefined) ?? id;
    for (const [name, value] of valuesOf(view)) {
      const field = control(name);
      if (!field || !value) continue;
      if (field.value === value) filled.current.set(name, value);
      else if (!persons(name, field)) put(name, value);
      else kept.push({ name, value, shown: name === "priority" ? labels.priorities[value as TicketPriority] : name === "machineId" ? machineName(value) : shorten(value) });
    }
    setCandidates(toAsk(view, control("machineId")?.value ?? ""));
    setProposals(kept);
    setStatus(summary(view, "sentence"));
  }

  async function fill() {
    const sentence = control("sentence");
    const text = sentence?.value.trim() ?? "";
    if (pending) return;
    if (!text || text.length > limit.max) {
      setStatus(text ? format(limit.over, { max: limit.max }) : labels.empty);
      sentence?.focus();
      return;
    }
    setPending(true);
    try {
      const view = await fetchRead<SentenceReportView>("/tickets/read/sentence", { texte: text });
      if (view) apply(view);
      else setStatus(labels.failed);
    } catch {
      setStatus(navigator.onLine ? labels.failed : labels.offline);
    } finally {
      setPending(false);
    }
  }

  function choose(machine: { id: number; label: string }) {
    put("machineId", String(machine.id));
    setCandidates([]);
    setProposals((all) => all.filter((p) => p.name !== "machineId"));
    setStatus(format(labels.chosen, { machine: machine.label }));
    // The choice is gone from the page: the keyboard goes on from the field that now holds it.
    control("machineId")?.focus();
  }

  function accept(proposal: Proposal) {
    put(proposal.name, proposal.value);
    setProposals((all) => all.filter((p) => p !== proposal));
    control(proposal.name)?.focus();
  }

  return (
    <div ref={region} className="rounded-lg border border-amber-200 bg-amber-50/60 p-3" data-testid="sentence">
      <TextAreaField name="sentence" label={labels.label} help={labels.help} rows={2} defaultValue={defaultValue} autoComplete="off" limit={{ ...limit, from: limit.max - 200 }} />
      <DictationButton target="field-sentence" lang={lang} labels={labels.dictation} onHeard={() => void fill()} className="mt-3" buttonClassName="grow sm:grow-0">
        <button type="button" onClick={() => void fill()} aria-disabled={pending} className="btn-secondary min-h-12 grow sm:grow-0">
          {pending ? labels.filling : labels.fill}
        </button>
      </DictationButton>
      {/* Polite live region: what the sentence did to the form, and what it asks, is heard as it changes. */}
      <div aria-live="polite" className="space-y-3 not-empty:mt-3">
        {status && <p className="text-sm font-medium text-slate-900">{status}</p>}
        {proposals.map((proposal) => (
          <div key={proposal.name} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <p className="break-words text-slate-800">{format(labels.kept, { field: labels.fields[proposal.name], value: proposal.shown })}</p>
            <button type="button" onClick={() => accept(proposal)} className="btn-secondary mt-2 w-full sm:w-auto">
              {format(labels.replace, { field: labels.fields[proposal.name] })}
            </button>
          </div>
        ))}
        {candidates.length > 0 && <MachineChoice machines={candidates} onChoose={choose} labels={{ question: labels.whichMachine, help: labels.whichMachineHelp, number: labels.machineNumber }} />}
      </div>
    </div>
  );
}
