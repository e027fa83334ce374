"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, useTransition } from "react";
import { changeTicketStatusAction, finishTicketAction, takeTicketAction } from "@/app/(app)/tickets/actions";
import { MoveToast, type MoveNotice } from "@/components/tickets/move-toast";
import type { ActionResult } from "@/lib/operation";
import type { TicketStatus } from "@/lib/tickets/model";
import type { WorkStepKind } from "@/lib/tickets/work";
import { format } from "@/lib/i18n/format";

/** One tap on a ticket of "Mon travail": what it does, on which ticket, from the status the person saw. */
export interface WorkStep {
  id: number;
  /** The ticket's code (TKT-…), for the notice. */
  ticket: string;
  step: WorkStepKind;
  from: TicketStatus;
}

export interface WorkLabels {
  done: Record<WorkStepKind, string>;
  undone: string;
  undo: string;
  refused: string;
  failed: string;
  working: string;
  /** Status names, for "remis à « En cours »". */
  statuses: Record<string, string>;
}

/**
 * The one place a step is sent: taking is an assignment, starting a move, finishing
 * a move with its comment and photos (finishTicket, one D1 batch). Each is the
 * operation the board and the ticket page use, with its own guard.
 */
export function sendWorkStep(step: WorkStep, form?: FormData): Promise<ActionResult<unknown>> {
  switch (step.step) {
    case "take":
      return takeTicketAction({ id: step.id });
    case "start":
    case "resume":
      return changeTicketStatusAction({ id: step.id, from: step.from, to: "in_progress" });
    case "finish": {
      const data = form ?? new FormData();
      data.set("id", String(step.id));
      data.set("from", step.from);
      return finishTicketAction(data);
    }
  }
}

/** Where a step leaves the ticket: undo moves it back from there (taking is not undone: giving a ticket away is a lead's). */
const reached: Record<WorkStepKind, TicketStatus | null> = { take: null, start: "in_progress", resume: "in_progress", finish: "completed" };

interface WorkActionsValue {
  /** Sends the step; `done` runs after a success (a finished ticket's draft is forgotten). */
  run: (step: WorkStep, form?: FormData, done?: () => void) => void;
  /** The ticket whose step is being sent, if any: one at a time. */
  busy: number | null;
  working: string;
}

const WorkActionsContext = createContext<WorkActionsValue | null>(null);

export function useWorkActions(): WorkActionsValue {
  const value = useContext(WorkActionsContext);
  if (!value) throw new Error("useWorkActions outside <WorkActions>");
  return value;
}

/**
 * Holds the one-tap steps of the list it wraps (a server-rendered list, which each
 * step's action renders again): one step at a time, what it did in the board's
 * notice, with Annuler for a move (the same move back, which the server checks like
 * any other), and the reason when the server refused, the list then read again.
 */
export function WorkActions({ labels, children }: { labels: WorkLabels; children: React.ReactNode }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [busy, setBusy] = useState<number | null>(null);
  const [notice, setNotice] = useState<MoveNotice | null>(null);
  /** The ticket whose step just ended: focus goes to its next step if the pressed button went away. */
  const settled = useRef<number | null>(null);

  const report = useCallback(
    (id: number, result: ActionResult<unknown>, success: () => MoveNotice) => {
      settled.current = id;
      if (result.ok) setNotice(success());
      else {
        setNotice({ key: Date.now(), error: true, text: format(labels.refused, { reason: result.error }) });
        router.refresh();
      }
    },
    [labels.refused, router],
  );

  const run = useCallback(
    (step: WorkStep, form?: FormData, done?: () => void) => {
      if (busy !== null) return;
      setBusy(step.id);
      setNotice(null);
      startTransition(async () => {
        // Plant Wi-Fi drops: a request that never answers is refused like any other.
        const result = await sendWorkStep(step, form).catch(() => ({ ok: false as const, error: labels.failed }));
        setBusy(null);
        if (result.ok) done?.();
        const to = reached[step.step];
        const undo = to
          ? () => {
              setNotice(null);
              startTransition(async () => {
                const back = await changeTicketStatusAction({ id: step.id, from: to, to: step.from }).catch(() => ({ ok: false as const, error: labels.failed }));
                report(step.id, back, () => ({ key: Date.now(), error: false, text: format(labels.undone, { ticket: step.ticket, status: labels.statuses[step.from] ?? step.from }) }));
              });
            }
          : undefined;
        report(step.id, result, () => ({ key: Date.now(), error: false, text: format(labels.done[step.step], { ticket: step.ticket }), undo }));
      });
    },
    [busy, labels, report],
  );

  useEffect(() => {
    const id = settled.current;
    if (id === null) return;
    settled.current = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    // A finished ticket leaves the list: the keyboard user goes on from the page's top, not from nowhere.
    (document.querySelector<HTMLElement>(`[data-work-item="${id}"] [data-step]`) ?? document.getElementById("main"))?.focus();
  }, [notice]);

  const expire = useCallback(() => setNotice(null), []);
  return (
    <WorkActionsContext.Provider value={{ run, busy, working: labels.working }}>
      <MoveToast notice={notice} undoLabel={labels.undo} onExpire={expire} />
      {children}
    </WorkActionsContext.Provider>
  );
}

/** A ticket's next step as one button: one tap, no confirmation (a move is undone from the notice). */
export function WorkStepButton({ step, label, name }: { step: WorkStep; label: string; /** The label with the ticket, for screen readers. */ name: string }) {
  const { run, busy, working } = useWorkActions();
  return (
    <button type="button" data-step className="btn-primary min-h-12 w-full sm:w-auto sm:min-w-40" aria-disabled={busy !== null} aria-label={name} onClick={() => run(step)}>
      {busy === step.id ? working : label}
    </button>
  );
}
