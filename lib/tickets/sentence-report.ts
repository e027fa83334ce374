// The report form filled from one sentence (issue 23): the matcher
// (lib/tickets/sentence.ts) run over the plant's machines, worded for the form.
// The page runs it for /tickets/new?texte=… and "Créer un ticket" on a message;
// the form's "Décrivez le problème" field reads it through GET
// /tickets/read/sentence?texte=…, so that the words stay on the server.
import { z } from "zod";
import type { Locale } from "../i18n";
import { machineLabel, summarySelect } from "../machines/model";
import { defineOperation } from "../operation";
import { MAX_SENTENCE, type TicketPriority } from "./model";
import { reportFromSentence, type ChoosableMachine } from "./sentence";

export interface SentenceReportView {
  /** The machine the sentence names, or null (none, or several: see candidates). */
  machineId: number | null;
  /** The machines it fits as well as each other: the form asks which one, it never picks. */
  candidates: { id: number; label: string; location: string | null; serialNumber: string | null }[];
  priority: TicketPriority;
  title: string;
  description: string;
}

/** The sentence read over these machines, for the form. */
export function sentenceReportView(sentence: string, locale: Locale, machines: readonly ChoosableMachine[]): SentenceReportView {
  const { machine, ...report } = reportFromSentence(sentence, locale, machines);
  const byId = new Map(machines.map((m) => [m.id, m]));
  const candidates = typeof machine === "object" && machine ? machine.candidates.flatMap((id) => {
    const found = byId.get(id);
    return found ? [{ id, label: machineLabel(found), location: found.location, serialNumber: found.serialNumber }] : [];
  }) : [];
  return { machineId: typeof machine === "number" ? machine : null, candidates, ...report };
}

/** What a sentence fills in the report form, for whoever may report. */
export const readSentenceReport = defineOperation(
  { input: z.object({ texte: z.string().trim().min(1).max(MAX_SENTENCE) }), permission: "ticket.create" },
  async ({ texte }, { db, locale }) => sentenceReportView(texte, locale, await db.machine.findMany({ select: summarySelect, orderBy: { id: "asc" } })),
);
